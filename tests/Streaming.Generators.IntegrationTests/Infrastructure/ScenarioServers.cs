using System.Text.Json.Serialization.Metadata;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Streaming.Generators.IntegrationTests.Infrastructure;

/// <summary>The application's error handling answers: <c>AddProblemDetails()</c> and <c>UseExceptionHandler()</c>.</summary>
public sealed class ProblemDetailsServer : StreamingServer
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddProblemDetails();

    protected override void ConfigureApp(WebApplication app)
    {
        app.UseExceptionHandler();
        base.ConfigureApp(app);
    }
}

/// <summary>The Development environment, where failure records may carry exception messages.</summary>
public sealed class DevelopmentServer : StreamingServer
{
    protected override string EnvironmentName => "Development";
}

/// <summary>At most two streams at once; a refusal says to retry after 7 seconds.</summary>
public sealed class ConcurrencyLimitedServer : StreamingServer
{
    public const int Limit = 2;

    protected override void ConfigureServices(IServiceCollection services)
        => services.AddStreaming(o =>
        {
            o.MaxConcurrentStreams = Limit;
            o.ConcurrencyLimitRetryAfter = TimeSpan.FromSeconds(7);
        });
}

/// <summary>Streams may run for one second.</summary>
public sealed class DeadlineServer : StreamingServer
{
    public static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(1);

    protected override void ConfigureServices(IServiceCollection services) => services.AddStreaming(o => o.MaxStreamDuration = MaxDuration);
}

/// <summary>Every stream flushes every item, set for the whole application through the options pattern.</summary>
public sealed class EveryItemServer : StreamingServer
{
    protected override void ConfigureServices(IServiceCollection services) => services.Configure<StreamingOptions>(o => o.FlushEveryItem = true);
}

/// <summary><c>UseResponseCompression()</c>, with NDJSON added to the compressed media types.</summary>
public sealed class CompressionServer : StreamingServer
{
    protected override void ConfigureServices(IServiceCollection services)
        => services.AddResponseCompression(o => o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/x-ndjson"]);

    protected override void ConfigureApp(WebApplication app)
    {
        app.UseResponseCompression();
        base.ConfigureApp(app);
    }
}

/// <summary>
/// Conventions on the builder <c>MapStreamEndpoints()</c> returns: tags, authorization and a rate limiter (one
/// stream at a time) for every stream endpoint; and the OpenAPI document at <c>/openapi/v1.json</c>.
/// </summary>
public sealed class ConventionsServer : StreamingServer
{
    public const string UserHeader = "X-User";

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddOpenApi();
        services.AddAuthentication(HeaderAuthenticationHandler.Name)
            .AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(HeaderAuthenticationHandler.Name, null);
        services.AddAuthorization();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddConcurrencyLimiter("streams", limiter =>
            {
                limiter.PermitLimit = 1;
                limiter.QueueLimit = 0;
            });
        });
    }

    protected override void ConfigureApp(WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapStreamEndpoints()
            .WithTags("Streams")
            .RequireAuthorization()
            .RequireRateLimiting("streams");
    }

    /// <summary>Authenticates any request that names a user in <see cref="UserHeader"/>.</summary>
    private sealed class HeaderAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string Name = "Header";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (Request.Headers[UserHeader] is not [{ Length: > 0 } user])
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], Name);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Name)));
        }
    }
}

/// <summary>
/// JSON options that know no types, as in a trimmed or NativeAOT application whose source-generated context
/// does not list <c>ProblemDetails</c>.
/// </summary>
public sealed class NoJsonMetadataServer : StreamingServer
{
    protected override void ConfigureServices(IServiceCollection services)
        => services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolver = JsonTypeInfoResolver.Combine());
}

/// <summary>The application's own problem details, with an extension it adds to every problem.</summary>
public sealed class CustomProblemDetailsServer : StreamingServer
{
    protected override void ConfigureServices(IServiceCollection services)
        => services.AddProblemDetails(options => options.CustomizeProblemDetails = context => context.ProblemDetails.Extensions["service"] = "readings");
}

/// <summary>
/// JWT bearer authentication (no clock skew) with <see cref="StreamingOptions.CloseOnAuthenticationExpiration"/>
/// on; <see cref="Token"/> issues a token that expires after a given time.
/// </summary>
public sealed class JwtServer : StreamingServer
{
    private static readonly Microsoft.IdentityModel.Tokens.SymmetricSecurityKey Key = new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public static string Token(TimeSpan lifetime)
    {
        var now = DateTime.UtcNow;
        return new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", "reader")]),
            Issuer = "tests",
            Audience = "streams",
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(Key, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
        });
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddStreaming(o => o.CloseOnAuthenticationExpiration = true);
        services.AddAuthentication(Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o => o.TokenValidationParameters = new Microsoft.IdentityModel.Tokens.TokenValidationParameters
            {
                ValidIssuer = "tests",
                ValidAudience = "streams",
                IssuerSigningKey = Key,
                ClockSkew = TimeSpan.Zero,
            });
        services.AddAuthorization();
    }

    protected override void ConfigureApp(WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapStreamEndpoints().RequireAuthorization();
    }
}

/// <summary>Serves the streams, and <c>/ping</c>: a request that takes no time, unless the server has no thread to run it on.</summary>
public sealed class PingServer : StreamingServer
{
    protected override void ConfigureApp(WebApplication app)
    {
        app.MapGet("/ping", () => "pong");
        base.ConfigureApp(app);
    }
}

/// <summary>At most two synchronous producers run at once.</summary>
public sealed class TwoProducerThreadsServer : StreamingServer
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddStreaming(o => o.MaxBlockingProducerThreads = 2);
}
