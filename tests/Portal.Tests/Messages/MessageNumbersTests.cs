using Portal.Core.Messages;

namespace Portal.Tests.Messages;

public class MessageNumbersTests
{
    [Theory]
    [InlineData(1, 2026, "2026000001")]
    [InlineData(42, 2027, "2027000042")]
    [InlineData(1234567, 2026, "20261234567")]
    public void Format_ThenParse_GivesTheIdBack(int id, int year, string expected)
    {
        var number = MessageNumbers.Format(id, year);

        Assert.Equal(expected, number);
        Assert.True(MessageNumbers.TryParse(" " + number + " ", out var parsed));
        Assert.Equal(id, parsed);
        Assert.Equal(year, MessageNumbers.Year(number));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026")]
    [InlineData("202600001")]
    [InlineData("2026000000")]
    [InlineData("2026-00001")]
    [InlineData("２０２６０００００１")]
    [InlineData("20269999999999")]
    [InlineData("2026 000001")]
    public void TryParse_RefusesAnythingElse(string? number)
    {
        Assert.False(MessageNumbers.TryParse(number, out var id));
        Assert.Null(id);
    }
}
