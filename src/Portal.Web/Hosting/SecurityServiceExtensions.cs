using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Portal.Core.Accounts;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Web.Accounts;

namespace Portal.Web.Hosting;

/// <summary>Accounts, sign-in, sessions, the login cookie, the named policies and the audit log.</summary>
public static class SecurityServiceExtensions
{
    /// <summary>Failed tries (passwords and second-factor codes) before an account is locked.</summary>
    public const int MaxFailedAttempts = 5;

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
                options.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddPasswordValidator<PasswordHistoryValidator>()
            .AddDefaultTokenProviders();

        services.AddOptions<AccountOptions>()
            .BindConfiguration(AccountOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.TwoFactorRoles.All(PortalRoles.All.Contains), $"Accounts:RequireTwoFactorFor may only name the roles {string.Join(", ", PortalRoles.All)}.")
            .ValidateOnStart();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "portal.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

            // Only the admin area reads the login cookie: readers' pages stay anonymous (and
            // cacheable) even for a signed-in editor reading the site.
            options.Cookie.Path = "/admin";

            // The cookie outlives any session (its ticket is a day longer than the lifetime):
            // the idle timeout, the lifetime and every other end of a session are the server's
            // (SessionValidation), checked on every request, which can then say why it ended.
            options.SlidingExpiration = false;
            options.LoginPath = "/admin/account/login";
            options.LogoutPath = "/admin/account/logout";
            options.ReturnUrlParameter = "returnUrl";
            options.Events.OnValidatePrincipal = SessionValidation.ValidatePrincipalAsync;
            options.Events.OnRedirectToLogin = SessionValidation.RedirectToLoginAsync;

            // A signed-in user without the right role gets a plain 403 (rendered by the error
            // page as 没有权限), not a redirect that would look like success to a script.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<AccountOptions>>((options, accounts) => options.ExpireTimeSpan = accounts.Value.AbsoluteLifetime + TimeSpan.FromDays(1));

        // The second-factor step's cookie is scoped like the login cookie.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme)
            .Configure(options =>
            {
                options.Cookie.Path = "/admin";
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });
        services.Configure<MvcOptions>(options => options.Filters.Add<AccountObligationFilter>());

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
        services.AddScoped<SecondFactorService>();
        services.AddScoped<AccountRules>();
        services.AddScoped<SignInAttempts>();
        services.AddScoped<StaffSessions>();
        services.AddScoped<PasswordHistoryRecorder>();
        services.AddScoped<StaffSignIn>();
        services.AddScoped<MediaAccessCookie>();
        services.AddScoped<AccountObligationFilter>();
        services.AddSingleton<SignInLimiter>();
        services.AddSingleton<DummyPassword>();
        services.AddSingleton<SignInMetrics>();
        services.AddSingleton<SignInFailureAudit>();
        services.AddHostedService<SignInFailureAuditService>();
        return services;
    }

    /// <summary>For a command-line verb, the audit log names the operator at the console.</summary>
    public static IServiceCollection AddCommandLineActor(this IServiceCollection services) =>
        services.AddScoped<IAuditActor, CommandLineAuditActor>()
            .AddScoped<Commands.UserCommands>();
}
