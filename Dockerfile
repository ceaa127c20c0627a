# syntax=docker/dockerfile:1
# Multi-stage: build and publish with the SDK, run on the slim ASP.NET runtime as the image's non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props appsettings.json ./
COPY TicketHub.Domain/TicketHub.Domain.csproj TicketHub.Domain/
COPY TicketHub.Web/TicketHub.Web.csproj TicketHub.Web/
RUN dotnet restore TicketHub.Web/TicketHub.Web.csproj
COPY TicketHub.Domain/ TicketHub.Domain/
COPY TicketHub.Web/ TicketHub.Web/
RUN dotnet publish TicketHub.Web/TicketHub.Web.csproj -c Release -o /app --no-restore /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
USER $APP_UID
# Plain HTTP inside the container: TLS ends at the proxy / load balancer, which sends X-Forwarded-Proto.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DataDirectory=/app/data \
    Demo__Seed=false
VOLUME /app/data
EXPOSE 8080
ENTRYPOINT ["dotnet", "TicketHub.Web.dll"]
