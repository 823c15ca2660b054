using SmartyAssess.Assessment.Insights;

namespace SmartyAssess.Assessment.Tests;

/// <summary>The small-cell rules, checked over many random groups rather than a few hand-picked ones.</summary>
public class DisclosureTests
{
    private readonly Disclosure _rules = new(10);

    [Fact]
    public void Threshold_IsNeverBelowFive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Disclosure(4));
        Assert.Equal(5, new Disclosure(5).MinimumGroupSize);
    }

    [Theory]
    [InlineData(9, new int[0], false)]
    [InlineData(10, new int[0], true)]
    [InlineData(10, new[] { 10 }, true)] // the wider group is the same firms
    [InlineData(10, new[] { 13 }, false)] // subtracting would describe 3 firms
    [InlineData(10, new[] { 20, 12 }, false)]
    [InlineData(12, new[] { 22, 40 }, true)]
    public void Group_IsShownOnlyWhenItAndEveryDifferenceToAWiderGroupHoldTenFirms(int firms, int[] wider, bool shown)
    {
        Assert.Equal(shown, _rules.GroupIsShown(firms, wider));
    }

    [Fact]
    public void Count_NeverShowsOneToNineFirms_WithOrWithoutTheAttribute_AndIsExactFromTwentyUp()
    {
        var random = new Random(10);
        for (var i = 0; i < 20_000; i++)
        {
            var group = random.Next(10, 200);
            var count = random.Next(0, group + 1);

            var shown = _rules.Count(count, group);

            if (count is > 0 and < 10 || group - count is > 0 and < 10)
            {
                Assert.True(shown.IsSuppressed, $"{count} of {group} was shown");
            }
            else if (count is 0 or >= 20 || count == group)
            {
                Assert.Equal(new ShownCount(count, false), shown);
            }
            else
            {
                Assert.True(shown.Rounded);
                Assert.Equal(0, shown.Value!.Value % 5);
                Assert.InRange(shown.Value.Value - count, -2, 2);
            }
        }
    }

    [Fact]
    public void Partition_NeverShowsASmallCell_AndNeverLetsTheTotalRevealOne()
    {
        var random = new Random(20);
        for (var i = 0; i < 20_000; i++)
        {
            var counts = Enumerable.Range(0, random.Next(2, 7)).Select(_ => random.Next(4) == 0 ? 0 : random.Next(0, 40)).ToList();
            var total = counts.Sum();

            var shown = _rules.Partition(counts);
            if (total < 10)
            {
                Assert.All(shown, s => Assert.True(s.IsSuppressed));
                continue;
            }

            var hidden = counts.Where((_, c) => shown[c].IsSuppressed).Sum();
            Assert.True(hidden == 0 || hidden >= 10, $"[{string.Join(",", counts)}]: the total reveals {hidden} hidden firms");
            for (var c = 0; c < counts.Count; c++)
            {
                if (!shown[c].IsSuppressed)
                {
                    Assert.Equal(counts[c], shown[c].Value);
                    Assert.False(counts[c] is > 0 and < 10 || total - counts[c] is > 0 and < 10, $"[{string.Join(",", counts)}]: cell {c} shown");
                }
            }
        }
    }

    [Fact]
    public void Partition_DoesNotHideAShownCell_ForHiddenCellsThatHoldNoFirm()
    {
        // A region with no firm is hidden (too few to describe); that reveals nothing, so the other stays.
        var shown = _rules.Partition([24, 0], [false, true]);

        Assert.Equal(new ShownCount(24, false), shown[0]);
        Assert.True(shown[1].IsSuppressed);
    }

    [Fact]
    public void Partition_HidesASecondCell_WhenOneHiddenCellCouldBeRecoveredFromTheTotal()
    {
        var shown = _rules.Partition([3, 25, 40, 0]);

        Assert.Equal([ShownCount.Suppressed, ShownCount.Suppressed, new ShownCount(40, false), new ShownCount(0, false)], shown);
    }
}
