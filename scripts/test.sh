#!/usr/bin/env bash
# The project's test command (.ci/run calls it). Starts the local PostgreSQL server with scripts/postgres.sh
# (installing PostgreSQL on a fresh machine), points the tests at it through IOBENCH_POSTGRES, builds, runs every
# test with one line per test, and ends with one line: "N passed, N failed" (", N skipped" when any were).
# Exits non-zero when the build or any test failed. The server is left running for benchmark runs.
# A preset IOBENCH_POSTGRES is used as is. Where postgres.sh cannot install or start PostgreSQL (no apt-get, no root),
# its one line says what to do, and the tests that need PostgreSQL are reported as skipped; everything else runs.
# Installs Debian's chromium when missing (apt-get, root): the chart tests render every chart in it, headless.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/lib.sh
iobench_use_postgres test.sh "the PostgreSQL tests"
iobench_ensure_chromium test.sh # the chart tests render every chart in headless Chromium

# .NET 8 beside the SDK for the test that runs a job on it (a few seconds once, nothing after); without it that test is skipped.
scripts/runtimes.sh || echo "test.sh: .NET 8 and 9 could not be set up (the line above says why); the two-runtime run will be skipped" >&2

results=$(mktemp -d "${TMPDIR:-/tmp}/iobench-test-results.XXXXXX")
trap 'rm -rf "$results"' EXIT

if ! dotnet build Benchmarks.sln -c Release -nologo -clp:NoSummary -v:q; then
  echo "build failed"
  echo "0 passed, 0 failed"
  exit 1
fi

status=0
dotnet test Benchmarks.sln -c Release --no-build -nologo \
  --logger "console;verbosity=normal" --logger "trx;LogFilePrefix=iobench" --results-directory "$results" || status=$?

# Sum the counters of every TRX file: <Counters total=".." executed=".." passed=".." failed=".." ...>
counter() { grep -ho '<Counters [^>]*>' "$results"/*.trx 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{s += $1} END {print s + 0}'; }
passed=$(counter passed)
failed=$(counter failed)
skipped=$(($(counter total) - $(counter executed))) # xunit's skipped tests count in total but not in executed

# The failed tests again, each with the first lines of its message, right above the closing line: a CI log that keeps
# only its tail must still say which test failed and why.
if ((failed > 0)); then
  echo "failed tests:"
  perl -0777 -ne '
    # A passed test is often one self-closing element: it must not open a match that runs on to a failed test'"'"'s end.
    while (/<UnitTestResult\b((?:[^>"]|"[^"]*")*?)(\/>|>(.*?)<\/UnitTestResult>)/sg) {
      my ($attrs, $body) = ($1, $3 // "");
      next unless $attrs =~ /outcome="Failed"/;
      my ($name) = $attrs =~ /testName="([^"]*)"/;
      my ($msg) = $body =~ /<Message>(.*?)<\/Message>/s;
      $msg //= "";
      for ($name, $msg) { s/&quot;/"/g; s/&apos;/\x27/g; s/&lt;/</g; s/&gt;/>/g; s/&#xD;//g; s/&#xA;/\n/g; s/&amp;/&/g; }
      my @lines = grep { length } split /\n/, $msg;
      splice(@lines, 6) if @lines > 6;
      print "  FAILED $name\n", map({ "    $_\n" } @lines);
    }' "$results"/*.trx || true
fi
if ((skipped > 0)); then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
if ((status != 0 || failed > 0)); then exit 1; fi
