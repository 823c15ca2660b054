using System.Buffers.Binary;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Cli.Commands;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Cli.Tests;

/// <summary><c>hubs add</c> and <c>users add | reset-password | disable</c> against a service database.</summary>
public sealed class AccountCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("smartyassess-accounts-").FullName;

    private string Database => Path.Combine(_directory, "service.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<string> HubsAsync(params string[] args)
    {
        var output = new StringWriter();
        Assert.Equal(0, await AccountCommands.HubsAsync("add", new Arguments(["--data", Database, .. args]), TextReader.Null, output));
        return output.ToString();
    }

    private async Task<string> UsersAsync(string verb, string? stdin, params string[] args)
    {
        var output = new StringWriter();
        Assert.Equal(0, await AccountCommands.UsersAsync(verb, new Arguments(["--data", Database, .. args]), new StringReader(stdin ?? ""), stdin is not null, output));
        return output.ToString();
    }

    private SmartyDbContext Open() => SmartyDbContextFactory.Create(Database);

    [Fact]
    public async Task HubsAdd_StoresTheHubWithAUniqueShareCodeAndPageName()
    {
        var printed = await HubsAsync("--name", "Digital Innovation Hub Toscana", "--country", "it", "--regions", "ITI1, iti4");
        await HubsAsync("--name", "Digital Innovation Hub Toscana", "--country", "IT", "--regions", "ITI1", "--slug", "dih-toscana-2");

        await using var db = Open();
        var hubs = await db.Hubs.OrderBy(h => h.Slug).ToListAsync();
        Assert.Equal(["digital-innovation-hub-toscana", "dih-toscana-2"], hubs.Select(h => h.Slug));
        Assert.Equal(["ITI1", "ITI4"], hubs[0].Regions);
        Assert.Equal("IT", hubs[0].Country);
        Assert.All(hubs, h => Assert.Matches("^[A-HJ-NP-Z2-9]{8}$", h.ShareCode));
        Assert.NotEqual(hubs[0].ShareCode, hubs[1].ShareCode);
        Assert.Contains(hubs[0].ShareCode, printed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--country", "Italy", "--regions", "ITI1")]
    [InlineData("--country", "IT", "--regions", "PL91")]
    [InlineData("--country", "IT", "--regions", "")]
    [InlineData("--country", "IT", "--regions", "ITI1", "--slug", "Not A Slug")]
    public async Task HubsAdd_BadCountryOrRegions_IsAUsageErrorThatStoresNothing(params string[] args)
    {
        await Assert.ThrowsAsync<UsageException>(() => AccountCommands.HubsAsync("add", new Arguments(["--data", Database, "--name", "Hub", .. args]), TextReader.Null, TextWriter.Null));

        await using var db = Open();
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Hubs.ToListAsync());
    }

    [Fact]
    public async Task UsersAdd_AdvisorWithPasswordFromStandardInput_BelongsToTheHubWithAStrongHash()
    {
        await HubsAsync("--name", "DIH Mazovia", "--country", "PL", "--regions", "PL91");
        await using (var db = Open())
        {
            var code = (await db.Hubs.SingleAsync()).ShareCode;
            var printed = await UsersAsync("add", "a quiet morning in Radom\n", "--email", "ola@dih.example", "--role", "advisor", "--hub", code.ToLowerInvariant());
            Assert.DoesNotContain("password", printed, StringComparison.Ordinal);
        }

        await using var check = Open();
        var user = await check.Users.SingleAsync();
        Assert.Equal((await check.Hubs.SingleAsync()).Id, user.HubId);
        var role = await check.UserRoles.Join(check.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).SingleAsync();
        Assert.Equal(Roles.Advisor, role);
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(Convert.FromBase64String(user.PasswordHash!).AsSpan(5, 4)) >= 210_000);
    }

    [Fact]
    public async Task UsersAdd_WithoutPassword_GeneratesOneAndPrintsItOnce()
    {
        var printed = await UsersAsync("add", null, "--email", "admin@smarty.example", "--role", "Admin");

        var password = printed.Split('\n').Single(l => l.StartsWith("password (shown once): ", StringComparison.Ordinal))["password (shown once): ".Length..].Trim();
        Assert.Matches("^[a-z2-9]{5}(-[a-z2-9]{5}){3}$", password);
    }

    [Fact]
    public async Task UsersAdd_PartnerAnalyst_KeepsItsRegions()
    {
        await UsersAsync("add", "regional figures for the action plan", "--email", "marek@mazovia.example", "--role", "PartnerAnalyst", "--region", "pl91,PL92");

        await using var db = Open();
        Assert.Equal(["PL91", "PL92"], (await db.Users.SingleAsync()).Regions);
    }

    [Fact]
    public async Task UsersAdd_CommonPassword_IsRefusedWithTheReason()
    {
        var error = await Assert.ThrowsAsync<CommandFailedException>(() =>
            AccountCommands.UsersAsync("add", new Arguments(["--data", Database, "--email", "a@b.example", "--role", "Admin"]), new StringReader("password123456"), true, TextWriter.Null));

        Assert.Contains("common", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersAdd_AdvisorWithoutHub_AndDuplicateEmail_AreRefused()
    {
        await Assert.ThrowsAsync<UsageException>(() =>
            AccountCommands.UsersAsync("add", new Arguments(["--data", Database, "--email", "a@b.example", "--role", "Advisor"]), TextReader.Null, false, TextWriter.Null));
        await UsersAsync("add", "the first of two accounts", "--email", "twice@b.example", "--role", "Admin");

        await Assert.ThrowsAsync<CommandFailedException>(() =>
            AccountCommands.UsersAsync("add", new Arguments(["--data", Database, "--email", "twice@b.example", "--role", "Admin"]), new StringReader("the second of two accounts"), true, TextWriter.Null));
    }

    [Fact]
    public async Task UsersDisable_MarksTheAccountAndChangesItsSecurityStamp()
    {
        await UsersAsync("add", "soon to be disabled here", "--email", "leaver@b.example", "--role", "Admin");
        string stamp;
        await using (var db = Open())
        {
            stamp = (await db.Users.SingleAsync()).SecurityStamp!;
        }

        await UsersAsync("disable", null, "--email", "leaver@b.example");

        await using var check = Open();
        var user = await check.Users.SingleAsync();
        Assert.NotNull(user.DisabledAt);
        Assert.NotEqual(stamp, user.SecurityStamp);
    }

    [Fact]
    public async Task UsersResetPassword_SetsANewHashAndLiftsTheLockout()
    {
        await UsersAsync("add", "the password before the reset", "--email", "locked@b.example", "--role", "Admin");
        string before;
        await using (var db = Open())
        {
            var user = await db.Users.SingleAsync();
            before = user.PasswordHash!;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            user.AccessFailedCount = 4;
            await db.SaveChangesAsync();
        }

        await UsersAsync("reset-password", "the password after the reset", "--email", "locked@b.example");

        await using var check = Open();
        var reset = await check.Users.SingleAsync();
        Assert.NotEqual(before, reset.PasswordHash);
        Assert.Null(reset.LockoutEnd);
        Assert.Equal(0, reset.AccessFailedCount);
    }
}
