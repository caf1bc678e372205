using HealthBot.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>Issue #11: twelve characters alone let <c>aaaaaaaaaaaa</c> through; guessable passwords are refused with the reason.</summary>
public sealed class PasswordPolicyTests : IAsyncLifetime
{
    private readonly HealthBotFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("aaaaaaaaaaaa", "different characters")]
    [InlineData("abababababab", "different characters")]
    [InlineData("123456789012", "sequence")]
    [InlineData("abcdefghijkl", "sequence")]
    [InlineData("zyxwvutsrqpo", "sequence")]
    [InlineData("password1234", "common")]
    [InlineData("Qwertyuiop12", "common")]
    [InlineData("iloveyou2024!", "common")]
    [InlineData("my name is wanjiku!", "email")]
    [InlineData("short", "12 characters")]
    [InlineData("wanjikungo2024", "email")]
    [InlineData("p4ssw0rdngo.example", "guessed first")]
    [InlineData("letmeinletmein", "guessed first")]
    [InlineData("ngo.example12345", "guessed first")]
    [InlineData("Healthbotadmin1", "guessed first")]
    public async Task A_guessable_password_is_refused_with_its_reason(string password, string reason)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            factory.Service<StaffAccounts>().CreateAsync("wanjiku@ngo.example", StaffRoles.Editor, password, "test"));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM staff_users"));
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("Maji safi kila siku 7")]
    [InlineData("t4#Lq9!vRz2m")]
    [InlineData("8#2!9$1@7&3%")]
    [InlineData("river stones under the bridge")]
    public async Task A_long_varied_password_is_accepted(string password)
    {
        await factory.Service<StaffAccounts>().CreateAsync("wanjiku@ngo.example", StaffRoles.Editor, password, "test");

        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM staff_users"));
    }
}
