using IoBench.Core.Workloads;

namespace IoBench.Tests.Workloads;

public sealed class SqliteDatabaseTests
{
    [Fact]
    public async Task Create_DefaultRows_SeedsEveryRowWithItsExpectedValues()
    {
        await using var database = SqliteDatabase.Create(SqliteDatabase.DefaultRows, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(SqliteDatabase.DefaultRows, database.CountRows());
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, customer_id, product, quantity, price FROM orders WHERE id IN (1, 4242, $last) ORDER BY id";
        command.Parameters.AddWithValue("$last", SqliteDatabase.DefaultRows);
        using var reader = command.ExecuteReader();
        var seen = 0;
        while (reader.Read())
        {
            var expected = SqliteDatabase.ExpectedOrder(reader.GetInt64(0));
            Assert.Equal(expected, new SqliteDatabase.Order(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3), reader.GetDouble(4)));
            seen++;
        }

        Assert.Equal(3, seen);
    }

    [Fact]
    public async Task Create_Always_UsesWalAndAnIndexOnCustomer()
    {
        await using var database = SqliteDatabase.Create(100, TimeSpan.FromSeconds(5), CancellationToken.None);
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode; ";
        Assert.Equal("wal", command.ExecuteScalar());
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'ix_orders_customer'";
        Assert.Equal(1L, command.ExecuteScalar());
        command.CommandText = "PRAGMA synchronous";
        Assert.Equal(2L, command.ExecuteScalar()); // FULL
    }

    [Fact]
    public async Task DisposeAsync_AfterUse_RemovesTheFolderWithWalFiles()
    {
        var database = SqliteDatabase.Create(100, TimeSpan.FromSeconds(5), CancellationToken.None);
        using (var connection = database.Open())
        {
            Assert.True(File.Exists(database.FilePath + "-wal"));
        }

        await database.DisposeAsync();

        Assert.False(Directory.Exists(database.Folder));
    }
}
