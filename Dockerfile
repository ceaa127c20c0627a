# syntax=docker/dockerfile:1
# Multi-stage: build and publish with the SDK, run on the slim ASP.NET runtime as the image's non-root user.
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props appsettings.json ./
COPY TicketHub.Domain/TicketHub.Domain.csproj TicketHub.Domain/
COPY TicketHub.Web/TicketHub.Web.csproj TicketHub.Web/
# ReadyToRun (precompiled for the target's architecture): the app serves at full speed seconds after it starts.
RUN dotnet restore TicketHub.Web/TicketHub.Web.csproj -a "$TARGETARCH" -p:PublishReadyToRun=true
COPY TicketHub.Domain/ TicketHub.Domain/
COPY TicketHub.Web/ TicketHub.Web/
RUN dotnet publish TicketHub.Web/TicketHub.Web.csproj -c Release -a "$TARGETARCH" --self-contained false -p:PublishReadyToRun=true \
    -o /app --no-restore /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
USER $APP_UID
# Plain HTTP inside the container: TLS ends at the proxy / load balancer, which sends X-Forwarded-Proto.
# Fails closed: the app refuses to start until Stripe:SecretKey, Jwt:SigningKey and a database are given.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DataDirectory=/app/data \
    Demo__Seed=false \
    Payments__Provider=Stripe
VOLUME /app/data
EXPOSE 8080
ENTRYPOINT ["dotnet", "TicketHub.Web.dll"]
