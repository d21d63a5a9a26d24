# SeedreamBot container image.
#
#   docker build -t seedreambot .
#   docker run -d --name seedreambot --restart unless-stopped \
#     -e DISCORD_TOKEN=... -e APIFRAME_API_KEY=afk_... \
#     -v seedreambot-data:/data -p 127.0.0.1:8080:8080 seedreambot
#
# The build stage compiles with the .NET SDK; the final image is the ASP.NET runtime only (the health and metrics
# listener needs it), runs as the image's non-root "app" user, and keeps the database in the /data volume (with the
# kept input images in /data/images). Images are re-encoded with ImageSharp, a managed library: the runtime image
# needs no extra packages.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore from the project files alone, so the package layer is reused until a project file changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Core/SeedreamBot.Core.csproj src/Core/
COPY src/Discord/SeedreamBot.Discord.csproj src/Discord/
COPY src/Bot/SeedreamBot.Bot.csproj src/Bot/
RUN dotnet restore src/Bot/SeedreamBot.Bot.csproj

COPY src/ src/
RUN dotnet publish src/Bot/SeedreamBot.Bot.csproj --no-restore -c Release -o /app/publish -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app

# /data belongs to the non-root user, so a fresh named volume is writable by the bot.
RUN mkdir -p /data && chown "$APP_UID:$APP_UID" /data

COPY --from=build /app/publish .

ENV DOTNET_ENVIRONMENT=Production \
    Storage__DatabasePath=/data/seedreambot.db \
    Health__Urls=http://0.0.0.0:8080

USER $APP_UID
VOLUME ["/data"]
EXPOSE 8080

# The runtime image has no curl: the bot asks its own /healthz and exits 0 (healthy) or 1.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["dotnet", "SeedreamBot.dll", "--health-check"]

ENTRYPOINT ["dotnet", "SeedreamBot.dll"]
