using System.Diagnostics;
using IoBench.Benchmarks;
using Xunit.Abstractions;
using IoBench.Core.Workloads;
using Microsoft.Data.Sqlite;

namespace IoBench.Tests.Faults;

/// <summary>
/// Another process (this test) takes SQLite's write lock on the run's database file and holds it past the busy
/// timeout (half the batch deadline): the case fails with one line naming the file, it has no figure in the report,
/// no half-written file is left, and the database's temporary folder is removed.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class SqliteLockedTests(ITestOutputHelper output)
{
    [Fact]
    public async Task App_SqliteFileLockedPastBusyTimeout_FailsNamingTheFileAndRemovesTheFolder()
    {
        // A 10 s batch deadline gives a lock held elsewhere a 5 s busy timeout.
        await using var app = RunningApp.Start(
            "--quick", "--filter", "*SqliteWriteBenchmarks*", "--ops", "1000", "--strategies", "Sequential", "--batch-timeout-s", "10");

        // From the moment the file exists: wherever the app is then (creating, seeding, writing its batches; a fast disk
        // makes the batches last a fraction of a second), its next write meets the lock.
        var file = await DatabaseFileAsync(app, TimeSpan.FromSeconds(60));
        var folder = Path.GetDirectoryName(file)!;
        await using (var holder = await TakeWriteLockAsync(app, file, TimeSpan.FromSeconds(30)))
        {
            // Held until the app gave up: its busy timeout (5 s) ran out while this process kept the lock.
            await app.WaitForLineAsync(l => l.StartsWith(BatchBenchmarks.FailurePrefix, StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        }

        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        foreach (var line in app.Lines.Where(l => l.StartsWith(BatchBenchmarks.FailurePrefix, StringComparison.Ordinal)))
        {
            output.WriteLine(line); // what the user reads
        }

        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{app.Output}");
        var failure = Assert.Single(app.Lines, l => l.StartsWith(BatchBenchmarks.FailurePrefix, StringComparison.Ordinal));
        Assert.Contains("SqliteWriteBenchmarks.Batch [Strategy=Sequential, N=1000, K=none]: DatabaseLockedException: SQLite database ", failure, StringComparison.Ordinal);
        Assert.Contains(nameof(DatabaseLockedException), failure, StringComparison.Ordinal);
        Assert.Contains(file, failure, StringComparison.Ordinal);
        Assert.Contains("busy_timeout (5 s)", failure, StringComparison.Ordinal);

        var report = await File.ReadAllTextAsync(Path.Combine(app.Results, "iobench-report.md"));
        Assert.Matches(@"\| Sequential \| \*\*failed\*\* \|", report);
        Assert.Empty(Directory.EnumerateFiles(app.Artifacts, "*.partial", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(folder), $"{folder} was left behind");
        Assert.Empty(app.LeftoverTempFolders());
    }

    private static async Task<string> DatabaseFileAsync(RunningApp app, TimeSpan within)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < within)
        {
            if (Directory.GetDirectories(app.Temp, "iobench-sqlite-*").Select(d => Path.Combine(d, "iobench.db")).FirstOrDefault(File.Exists) is { } file)
            {
                return file;
            }

            await Task.Delay(1);
        }

        Assert.Fail($"no SQLite database appeared in {app.Temp}; output:\n{app.Output}");
        return string.Empty;
    }

    /// <summary>
    /// BEGIN IMMEDIATE on a connection of this process, tried while the app is paused (SIGSTOP) so that the attempt
    /// cannot race the app's next write: when the pause caught the app between two writes, the lock is ours and the app
    /// resumes into a wait for it; when it caught the app inside a write, the app resumes and the test tries again.
    /// </summary>
    private static async Task<SqliteConnection> TakeWriteLockAsync(RunningApp app, string file, TimeSpan within)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        await connection.OpenAsync();
        using (var noWait = connection.CreateCommand())
        {
            noWait.CommandText = "PRAGMA busy_timeout = 0";
            await noWait.ExecuteNonQueryAsync();
        }

        var watch = Stopwatch.StartNew();
        while (true)
        {
            app.Pause();
            int result;
            try
            {
                // SQLite's own call, which answers at once: the provider's commands retry a busy statement for seconds.
                result = SQLitePCL.raw.sqlite3_exec(connection.Handle, "BEGIN IMMEDIATE");
            }
            finally
            {
                app.Resume();
            }

            if (result == SQLitePCL.raw.SQLITE_OK)
            {
                return connection; // disposing the connection rolls the open transaction back and releases the lock
            }

            // SQLITE_BUSY: the pause caught the app in a write.
            Assert.True(result == SQLitePCL.raw.SQLITE_BUSY && watch.Elapsed < within, $"BEGIN IMMEDIATE: SQLite result {result} after {watch.Elapsed}");
            await Task.Delay(Random.Shared.Next(1, 5));
        }
    }
}
