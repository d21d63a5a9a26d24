using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace SeedreamBot.Bot.Operations;

/// <summary>Feeds Kestrel's requests to a plain request pipeline; the listener needs no MVC, routing or hosting layer.</summary>
internal sealed class HealthHttpApplication(RequestDelegate pipeline) : IHttpApplication<HttpContext>
{
    public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

    public Task ProcessRequestAsync(HttpContext context) => pipeline(context);

    public void DisposeContext(HttpContext context, Exception? exception)
    {
    }
}
