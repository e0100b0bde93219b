# Production image: multi-stage, runs as a non-root user, ships config/, and does NOT contain the embedded
# MariaDB (built with -P!embedded-db), so it needs SPRING_DATASOURCE_URL pointing at MySQL 8 / MariaDB.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q -P '!embedded-db' dependency:go-offline
COPY src src
COPY sql sql
COPY config config
RUN ./mvnw -B -q -P '!embedded-db' -DskipTests package

FROM eclipse-temurin:17-jre
RUN groupadd --system calendar && useradd --system --gid calendar --uid 10001 --home-dir /app calendar
WORKDIR /app
COPY --from=build /src/target/tiktok-calendar.jar /app/tiktok-calendar.jar
COPY config/ /app/config/
USER calendar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/tiktok-calendar.jar"]
CMD ["run"]
