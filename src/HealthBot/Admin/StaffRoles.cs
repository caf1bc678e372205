namespace HealthBot.Admin;

/// <summary>The workspace roles and the policies built from them. Policies name what a role may do, so pages ask for a capability.</summary>
public static class StaffRoles
{
    public const string Admin = "admin";
    public const string Editor = "editor";
    public const string Reviewer = "reviewer";
    public const string Responder = "responder";
    public const string Viewer = "viewer";

    public static readonly string[] All = [Admin, Editor, Reviewer, Responder, Viewer];

    /// <summary>Any signed-in staff member: read the grid, history and audit.</summary>
    public const string StaffPolicy = "staff";

    /// <summary>Write drafts and submit them for review.</summary>
    public const string EditPolicy = "edit";

    /// <summary>Open edits for review, approve and publish: reviewers (clinicians) and admins, never their own edit
    /// (four eyes, <see cref="ContentWorkflow.PublishAsync"/>).</summary>
    public const string PublishPolicy = "publish";

    /// <summary>Work the inbox and take over conversations.</summary>
    public const string InboxPolicy = "inbox";

    /// <summary>Manage accounts and settings.</summary>
    public const string AdminPolicy = "admin";

    public static void AddPolicies(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(StaffPolicy, p => p.RequireRole(All));
        options.AddPolicy(EditPolicy, p => p.RequireRole(Editor, Reviewer, Admin));
        options.AddPolicy(PublishPolicy, p => p.RequireRole(Reviewer, Admin));
        options.AddPolicy(InboxPolicy, p => p.RequireRole(Responder, Admin));
        options.AddPolicy(AdminPolicy, p => p.RequireRole(Admin));
    }
}
