using System.Text.Json;
using Streaming.Generators.Parsing;

namespace Streaming.Generators.Tests;

/// <summary>Property names computed at build time equal what System.Text.Json computes at run time.</summary>
public sealed class NamingTests
{
    [Theory]
    [InlineData("Id")]
    [InlineData("ID")]
    [InlineData("URLValue")]
    [InlineData("IOStream")]
    [InlineData("createdAt")]
    [InlineData("CreatedAt")]
    [InlineData("A")]
    [InlineData("ABC DEF")]
    [InlineData("Ünïcode")]
    [InlineData("_private")]
    [InlineData("X1Y2")]
    [InlineData("HTML5Parser")]
    public void Camel_case_matches_System_Text_Json(string name)
        => Assert.Equal(JsonNamingPolicy.CamelCase.ConvertName(name), JsonNaming.CamelCase(name));

    [Fact]
    public void Camel_case_matches_System_Text_Json_for_generated_names()
    {
        var random = new Random(42);
        const string alphabet = "AaBbZz09_ IÖöXY";
        for (var i = 0; i < 5000; i++)
        {
            var name = new string(Enumerable.Range(0, random.Next(1, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.True(JsonNamingPolicy.CamelCase.ConvertName(name) == JsonNaming.CamelCase(name), $"Differs for '{name}'.");
        }
    }
}
