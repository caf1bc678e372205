using System.Net;
using System.Text;
using HealthBot.Admin;
using HealthBot.Data;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>
/// A small form that cannot be read (a NUL in a field, a broken multipart body) is a 400 saying why, in the workspace's
/// layout and the staff's language, never the 413 "too large"; other control characters are refused on the form.
/// </summary>
public sealed class FormProblemTests : IAsyncLifetime
{
    private const string Page = "/admin/content/handwashing/en";
    private readonly HealthBotFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("en", "Sms", "SMS text contains a control character")]
    [InlineData("fr", "Title", "Titre contient un caractère de contrôle")]
    public async Task A_nul_in_a_field_is_a_400_naming_the_field(string language, string field, string said)
    {
        var editor = await factory.SignedInAsync(StaffRoles.Editor);
        await editor.GetAsync($"/admin/language/{language}");
        var fields = Fields();
        fields[field] = "Wash your hands\0 with soap." + new string('a', 4500);

        var response = await editor.PostAsync($"{Page}?handler=Save", await AdminHttp.FormAsync(editor, Page, fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(said, html, StringComparison.Ordinal);
        Assert.Contains("/admin/assets/admin.css", html, StringComparison.Ordinal);
        Assert.Null(await factory.Service<SqlContentEditStore>().OpenAsync("handwashing", "en"));
    }

    [Fact]
    public async Task A_broken_multipart_body_is_a_400_not_a_413()
    {
        var editor = await factory.SignedInAsync(StaffRoles.Editor);
        var body = new StringContent("--b\r\nContent-Disposition: form-data; name=\"Sms\"\r\n\r\nhalf a form",
            Encoding.UTF8);
        body.Headers.ContentType =
            System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");

        var response = await editor.PostAsync($"{Page}?handler=Save", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The form could not be read", WebUtility.HtmlDecode(
            await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "SMS text contains a control character")]
    [InlineData("sw", "ina herufi ya udhibiti")]
    public async Task A_bell_in_the_sms_text_is_refused_on_the_form_with_the_text_kept(string language, string said)
    {
        var editor = await factory.SignedInAsync(StaffRoles.Editor);
        await editor.GetAsync($"/admin/language/{language}");
        var fields = Fields();
        fields["Sms"] = "Wash your hands\a with soap.\tTwice a day.\nAlways.";

        var response = await editor.PostAsync($"{Page}?handler=Save", await AdminHttp.FormAsync(editor, Page, fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(said, html, StringComparison.Ordinal);
        Assert.Contains("Twice a day.", html, StringComparison.Ordinal);
        Assert.Null(await factory.Service<SqlContentEditStore>().OpenAsync("handwashing", "en"));
    }

    [Fact]
    public async Task Tabs_and_new_lines_are_text_and_save()
    {
        var editor = await factory.SignedInAsync(StaffRoles.Editor);
        var fields = Fields();
        fields["Sms"] = "Wash your hands with soap.\tTwice a day.\r\nAlways.";

        var response = await editor.PostAsync($"{Page}?handler=Save", await AdminHttp.FormAsync(editor, Page, fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static Dictionary<string, string> Fields() => new()
    {
        ["Title"] = "Handwashing", ["Sms"] = "Wash your hands with soap.", ["Web"] = "Wash your hands with soap.",
    };
}
