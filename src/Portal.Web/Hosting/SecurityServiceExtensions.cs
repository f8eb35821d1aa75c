using Microsoft.AspNetCore.Identity;
using Portal.Core.Accounts;
using Portal.Core.Audit;
using Portal.Core.Data;

namespace Portal.Web.Hosting;

/// <summary>Accounts, sign-in, the login cookie, the named policies and the audit log.</summary>
public static class SecurityServiceExtensions
{
    /// <summary>How long a failed-login lockout lasts.</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static IServiceCollection AddPortalSecurity(this IServiceCollection services)
    {
        services.AddIdentity<PortalUser, IdentityRole>(options =>
            {
                // 等级保护 asks for strong passwords and lockout after repeated failures.
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "portal.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            options.SlidingExpiration = true;
            options.LoginPath = "/admin/account/login";
            options.LogoutPath = "/admin/account/logout";
            options.ReturnUrlParameter = "returnUrl";

            // A signed-in user without the right role gets a plain 403 (rendered by the error
            // page as 没有权限), not a redirect that would look like success to a script.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        // A disabled account or a changed password ends open sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder()
            .AddPolicy(PortalPolicies.Staff, policy => policy.RequireRole(PortalPolicies.StaffRoles))
            .AddPolicy(PortalPolicies.Review, policy => policy.RequireRole(PortalPolicies.ReviewRoles))
            .AddPolicy(PortalPolicies.Administer, policy => policy.RequireRole(PortalPolicies.AdministerRoles));

        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<UserQueries>();
        services.AddScoped<UserAdminService>();
        return services;
    }

    /// <summary>For a command-line verb, the audit log names the operator at the console.</summary>
    public static IServiceCollection AddCommandLineActor(this IServiceCollection services) =>
        services.AddScoped<IAuditActor, CommandLineAuditActor>()
            .AddScoped<Commands.UserCommands>();
}
