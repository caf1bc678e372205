using System.Net;
using HealthBot.Admin;
using HealthBot.Data;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>
/// A double-clicked Save posts the same form twice: the second post finds the person's own identical draft and is a
/// save done, not "This draft changed since you opened it". A different text from the same stale form still is.
/// </summary>
public sealed class DoubleSaveTests : IAsyncLifetime
{
    private const string Page = "/admin/content/handwashing/en";
    private const string Conflict = "This draft changed since you opened it";
    private readonly HealthBotFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("Save", "draft")]
    [InlineData("Submit", "review")]
    public async Task Two_identical_posts_from_one_form_are_both_successful_saves(string handler, string state)
    {
        var editor = await factory.SignedInAsync(StaffRoles.Editor);
        var form = await FormAsync(editor, "Wash your hands with soap, twice.");
        var body = await form.ReadAsStringAsync();

        var first = await PostAsync(editor, handler, body);
        var second = await PostAsync(editor, handler, body);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.DoesNotContain(Conflict, await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var draft = await factory.Service<SqlContentEditStore>().OpenAsync("handwashing", "en");
        Assert.Equal((state, "Wash your hands with soap, twice."), (draft!.State, draft.Sms));
    }

    [Fact]
    public async Task A_different_text_from_the_same_stale_form_is_still_a_conflict()
    {
        var editor = await factory.SignedInAsync(StaffRoles.Editor);
        var first = await FormAsync(editor, "Wash your hands with soap, twice.");
        var stale = await FormAsync(editor, "Wash your hands with ash.");
        var again = await PostAsync(editor, "Save", await first.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        var second = await PostAsync(editor, "Save", await stale.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("Wash your hands with soap, twice.",
            (await factory.Service<SqlContentEditStore>().OpenAsync("handwashing", "en"))!.Sms);
    }

    [Fact]
    public async Task Someone_elses_identical_save_from_a_stale_form_is_still_a_conflict()
    {
        var one = await factory.SignedInAsync(StaffRoles.Editor);
        var other = await factory.SignedInAsync(StaffRoles.Editor);
        var mine = await FormAsync(one, "Wash your hands with soap, twice.");
        var theirs = await FormAsync(other, "Wash your hands with soap, twice.");
        var saved = await PostAsync(one, "Save", await mine.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var second = await PostAsync(other, "Save", await theirs.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    private static Task<FormUrlEncodedContent> FormAsync(HttpClient client, string sms) =>
        AdminHttp.FormAsync(client, Page, new()
        {
            ["Title"] = "Handwashing", ["Sms"] = sms, ["Web"] = "Wash your hands with soap and water.",
        });

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, string body) =>
        client.PostAsync($"{Page}?handler={handler}",
            new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
}
