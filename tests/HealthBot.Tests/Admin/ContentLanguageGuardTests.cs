using System.Net;
using HealthBot.Admin;
using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>
/// Only the deployment's languages (en, fr, sw, pt, hi) can be edited, published or exported: any other two-letter
/// code answers 404 on every per-language content page, and the workflow refuses it even when a draft exists.
/// </summary>
public sealed class ContentLanguageGuardTests : IAsyncLifetime
{
    private readonly HealthBotFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("/admin/content/handwashing/xx")]
    [InlineData("/admin/content/burns/zz/history")]
    [InlineData("/admin/content/handwashing/xx?handler=Preview&text=hi")]
    public async Task A_page_for_a_language_the_service_does_not_have_is_not_found(string page)
    {
        var editor = await factory.SignedInAsync(StaffRoles.Editor);

        var response = await editor.GetAsync(page);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/admin/content/handwashing/xx?handler=Save")]
    [InlineData("/admin/content/handwashing/xx?handler=Submit")]
    [InlineData("/admin/content/handwashing/xx/history?handler=Rollback")]
    public async Task A_post_for_another_language_is_not_found_and_saves_nothing(string page)
    {
        var editor = await factory.SignedInAsync(StaffRoles.Editor);
        var form = await AdminHttp.FormAsync(editor, "/admin/content/handwashing/en", new()
        {
            ["Title"] = "Handwashing", ["Sms"] = "Wash hands.", ["Web"] = "Wash hands.", ["version"] = "1",
        });

        var response = await editor.PostAsync(page, form);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await factory.Service<SqlContentEditStore>().OpenAsync("handwashing", "xx"));
    }

    [Fact]
    public async Task A_draft_in_another_language_already_in_review_cannot_be_published_nor_served()
    {
        // As if saved before languages were checked: written to the store directly.
        var store = factory.Service<SqlContentEditStore>();
        var id = await store.SaveDraftAsync("handwashing", "xx", 1, "Handwashing", "Wash hands.", "Wash hands.",
            "someone@ngo.example");
        Assert.True(await store.TransitionAsync(id, "draft", "review"));
        var reviewer = await factory.SignedInAsync(StaffRoles.Reviewer);

        var response = await reviewer.PostAsync(
            $"/admin/review/{id}?handler=Publish", await AdminHttp.ReviewFormAsync(reviewer, id));

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("review", (await store.GetAsync(id))!.State);
        Assert.DoesNotContain("xx", factory.Service<ContentCatalog>().Current.Languages);
    }

    [Fact]
    public void Export_refuses_an_item_in_another_language_and_writes_no_folder()
    {
        var directory = Directory.CreateTempSubdirectory("export-guard-").FullName;
        try
        {
            var english = factory.Service<ContentCatalog>().Current.Find("handwashing", "en")!;

            Assert.Throws<ArgumentException>(() =>
                ContentExporter.Export(english with { Language = "xx" }, english, directory));
            Assert.False(Directory.Exists(Path.Combine(directory, "xx")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
