using HealthBot.Content;

namespace HealthBot.Tests.Content;

public sealed class ContentFileParserTests
{
    [Fact]
    public void Each_list_item_keeps_its_own_line_so_findings_can_point_at_it()
    {
        var doc = ContentFileParser.Parse("en/x.md", "---\nid: x\nexamples:\n  - first question\n\n  - second question\nkeywords: [a, b]\n---\n## sms\nhi\n");

        Assert.Equal(["first question", "second question"], doc.GetList("examples"));
        Assert.Equal(4, doc.LineOfItem("examples", 0));
        Assert.Equal(6, doc.LineOfItem("examples", 1));
        Assert.Equal(7, doc.LineOfItem("keywords", 1)); // inline items share the field's line
    }
}
