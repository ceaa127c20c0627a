# Patroni and PostgreSQL 15 from Debian's packages, as deploy/local-cluster uses them.
FROM debian:bookworm-slim
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      patroni postgresql-15 openssl ca-certificates && rm -rf /var/lib/apt/lists/*
COPY patroni.yml /etc/patroni.yml
RUN install -d -o postgres -g postgres -m 700 /var/lib/postgresql/data
USER postgres
EXPOSE 5432 8008
ENTRYPOINT ["patroni", "/etc/patroni.yml"]
