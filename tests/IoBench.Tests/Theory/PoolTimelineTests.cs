using IoBench.Core.Theory;

namespace IoBench.Tests.Theory;

/// <summary>The pool's timeline through a batch: its text form and the injection rate read from it.</summary>
public sealed class PoolTimelineTests
{
    /// <summary>
    /// A known starvation timeline: 2 threads at the start, one more at 500, 1000 and 1500 ms, 5 until the batch ends at
    /// 2200 ms (about what the gate thread's starvation check does).
    /// </summary>
    private static readonly PoolTimeline Starving = new([new(0, 2), new(500, 3), new(1000, 4), new(1500, 5), new(2200, 5)]);

    [Fact]
    public void FormatThenParse_GivesTheSameSamples()
    {
        var timeline = new PoolTimeline([new(0, 2), new(12.5, 3), new(4012.3, 40)]);

        Assert.Equal("0:2,12.5:3,4012.3:40", timeline.Format());
        Assert.Equal(timeline.Samples, PoolTimeline.Parse(timeline.Format())!.Samples);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("0:2,5")]
    [InlineData("0:2,x:3")]
    [InlineData("0:2;5:3")]
    public void Parse_EmptyOrMalformed_IsNull(string? text) => Assert.Null(PoolTimeline.Parse(text));

    [Fact]
    public void FromSamples_KeepsTheFirstEachChangeAndTheLast()
    {
        var raw = new PoolSample[] { new(0, 2), new(5, 2), new(10, 3), new(15, 3), new(20, 3), new(25, 2), new(30, 2) };

        Assert.Equal(new PoolSample[] { new(0, 2), new(10, 3), new(25, 2), new(30, 2) }, PoolTimeline.FromSamples(raw).Samples);
    }

    [Fact]
    public void Injection_OfAKnownTimeline_IsThreadsAddedBeyondTheMinimumOverTheRestOfTheBatch()
    {
        var injection = Starving.InjectionAbove(minimum: 2)!;

        Assert.Equal((2, 5, 3), (Starving.StartThreads, Starving.PeakThreads, Starving.ThreadsAdded));
        Assert.Equal(1500.0, Starving.PeakMs!.Value);
        Assert.Equal(2200.0, Starving.EndMs);
        Assert.Equal(3, injection.ThreadsAdded);
        Assert.Equal((0.0, 1500.0), (injection.FromMs, injection.PeakMs));
        Assert.Equal(3 / 2.2, injection.ThreadsPerSecond, 6); // 3 threads over a batch of 2.2 s
        Assert.Equal(500.0, injection.MedianIntervalMs!.Value);
    }

    [Fact]
    public void Injection_OfAFreshProcess_CountsFromTheMinimumNotFromNoThreads()
    {
        // A fresh process has no pool thread: the first two come on demand (the minimum), then one per 400 ms.
        var cold = new PoolTimeline([new(0, 0), new(0.4, 2), new(400.4, 3), new(800.4, 4), new(1000, 4)]);

        var injection = cold.InjectionAbove(minimum: 2)!;

        Assert.Equal(2, injection.ThreadsAdded);
        Assert.Equal(0.4, injection.FromMs, 6);
        Assert.Equal(2 / 0.9996, injection.ThreadsPerSecond, 6); // 2 threads over the 999.6 ms from the minimum on
        Assert.Equal(400.0, injection.MedianIntervalMs!.Value, 6);
    }

    [Fact]
    public void Injection_UpToARaisedMinimum_IsNone()
    {
        // SetMinThreads(1000): the pool creates the threads on demand, none beyond the minimum.
        var raised = new PoolTimeline([new(0, 0), new(5.1, 640), new(10.2, 1000), new(30, 1000)]);

        Assert.Null(raised.InjectionAbove(minimum: 1000));
        Assert.Equal(10.2, raised.PeakMs!.Value, 6);
    }

    [Fact]
    public void Injection_AllAtOnce_IsOverTheBatch_AndNeverOverLessThanOneSampleInterval()
    {
        var burst = new PoolTimeline([new(0, 2), new(0.2, 6), new(30, 6)]);

        Assert.Equal(4 / 0.030, burst.InjectionAbove(minimum: 2)!.ThreadsPerSecond, 6);
        Assert.Equal(1000.0 / PoolTimeline.SampleIntervalMs, new PoolTimeline([new(0, 2), new(0.1, 3)]).InjectionAbove(minimum: 2)!.ThreadsPerSecond, 6);
        Assert.Equal(0.2, burst.InjectionAbove(minimum: 2)!.MedianIntervalMs!.Value, 6); // one rise, 0.2 ms after the first reading
    }

    [Fact]
    public void TimeToReach_IsTheFirstReadingAtOrAboveTheCount()
    {
        Assert.Equal(1000.0, Starving.TimeToReach(4));
        Assert.Equal(0.0, Starving.TimeToReach(1));
        Assert.Null(Starving.TimeToReach(6));
    }

    [Fact]
    public void Injection_NothingAdded_IsNull()
    {
        var flat = new PoolTimeline([new(0, 18), new(1200, 18)]);

        Assert.Equal(0, flat.ThreadsAdded);
        Assert.Null(flat.PeakMs);
        Assert.Null(flat.InjectionAbove(minimum: 2));
    }
}
