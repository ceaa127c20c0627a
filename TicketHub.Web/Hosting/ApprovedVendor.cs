using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Common;

namespace TicketHub.Web.Hosting;

/// <summary>Part of the Vendor policy: the account is a vendor an administrator approved, as it stands now.</summary>
public sealed class ApprovedVendorRequirement : IAuthorizationRequirement;

public sealed class ApprovedVendorHandler(AccountStatusCache standing) : AuthorizationHandler<ApprovedVendorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ApprovedVendorRequirement requirement)
    {
        // Not a vendor at all: the policy's role requirement already refuses, with no reason of this handler's.
        if (!context.User.IsInRole(Roles.Vendor)) return;
        if ((context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.User.FindFirstValue(AuthClaims.Subject)) is not { } id) return;
        if (await standing.GetAsync(id) is { Status: AccountStatus.Active, IsVendor: true }) context.Succeed(requirement);
        else context.Fail(new AuthorizationFailureReason(this, ErrorCodes.VendorNotApproved));
    }
}

/// <summary>
/// A pending vendor on /api gets 403 with the code vendor_not_approved instead of a bare forbidden; the web pages
/// send it to the access-denied page, which says why.
/// </summary>
public sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext http, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Forbidden && http.Request.Path.StartsWithSegments("/api")
            && result.AuthorizationFailure?.FailureReasons.Any(r => r.Message == ErrorCodes.VendorNotApproved) == true)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = AccountErrors.VendorNotApproved.Message,
                    Extensions = { ["code"] = ErrorCodes.VendorNotApproved },
                },
            });
            return;
        }
        await _default.HandleAsync(next, http, policy, result);
    }
}
