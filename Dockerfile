# syntax=docker/dockerfile:1

# Build: the Maven wrapper inside a JDK image; the local repository is cached between builds.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -DskipTests package \
    && cp target/kehu-crm-*.jar /workspace/app.jar

# Run: a JRE only, as an unprivileged user. Configure with SPRING_PROFILES_ACTIVE=prod and the variables in
# docker-compose.yml; the prod profile needs a database URL and seeds nothing but the first admin.
FROM eclipse-temurin:17-jre
RUN groupadd --system kehu && useradd --system --gid kehu --home-dir /app --shell /usr/sbin/nologin kehu
WORKDIR /app
COPY --from=build --chown=kehu:kehu /workspace/app.jar app.jar
USER kehu
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
