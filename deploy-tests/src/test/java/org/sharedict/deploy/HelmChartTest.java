package org.sharedict.deploy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.sharedict.deploy.Rendered.PREFIX;
import static org.sharedict.deploy.Rendered.SERVICES;

/**
 * The Helm chart, rendered by the real helm (v4) with the default values (a trial: bundled MariaDB)
 * and with examples/production-values.yaml (external MariaDB, Ingress, autoscaling), then checked
 * object by object. Nothing here talks to a cluster.
 */
class HelmChartTest {

    static Rendered trial;
    static Rendered production;

    @BeforeAll
    static void render() {
        trial = Helm.template();
        production = Helm.template("-f", Helm.PRODUCTION_VALUES);
    }

    private static List<Rendered> both() {
        return List.of(trial, production);
    }

    // --- helm's own checks ------------------------------------------------------------------------

    @Test
    void helmLintPassesWithTheDefaultValues() {
        Tools.Result r = Helm.run(List.of("lint", "--strict", Helm.CHART));
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("0 chart(s) failed"), r.stdout());
    }

    @Test
    void helmLintPassesWithProductionValues() {
        Tools.Result r = Helm.run(List.of("lint", "--strict", Helm.CHART, "-f", Helm.PRODUCTION_VALUES));
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("0 chart(s) failed"), r.stdout());
    }

    @Test
    void tooOldAKubernetesIsRefused() {
        // autoscaling/v2 and policy/v1 are what the chart renders; 1.25 is the oldest it claims.
        Helm.template("--kube-version", "1.25.0");
        String error = Helm.templateFailure("--kube-version", "1.24.0");
        assertTrue(error.contains("kubeVersion"), error);
    }

    @Test
    void aMistypedValueIsRefusedByTheValuesSchema() {
        String error = Helm.templateFailure("--set", "smpt.host=smtp.example.org");
        assertTrue(error.contains("smpt"), error);
    }

    @Test
    void everyRenderedObjectIsAKubernetesTypeWithoutUnknownFields() {
        for (Rendered r : both()) {
            assertTrue(r.objects.size() > 20);
            List<String> problems = new ArrayList<>();
            r.objects.forEach(o -> problems.addAll(KubernetesTypes.problems(o)));
            assertEquals(List.of(), problems);
        }
    }

    @Test
    void theTypeCheckCatchesATypoAndAWrongType() {
        JsonNode deployment = trial.deployment("gateway").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                        Rendered.mainContainer(deployment).path("securityContext"))
                .put("readOnlyRootFileSystem", true);
        List<String> typo = KubernetesTypes.problems(deployment);
        assertEquals(1, typo.size(), typo.toString());
        assertTrue(typo.get(0).contains("readOnlyRootFileSystem"), typo.toString());

        JsonNode wrongType = trial.deployment("gateway").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) wrongType.path("spec")).put("replicas", "two");
        assertFalse(KubernetesTypes.problems(wrongType).isEmpty());
    }

    // --- every workload ---------------------------------------------------------------------------

    @Test
    void everyPodRunsAsNonRootWithAReadOnlyRootFilesystem() {
        for (Rendered r : both()) {
            assertFalse(r.podSpecs().isEmpty());
            r.podSpecs().forEach((owner, pod) -> {
                boolean podNonRoot =
                        pod.path("securityContext").path("runAsNonRoot").asBoolean(false);
                assertTrue(pod.path("securityContext").path("runAsUser").asInt(0) > 0, owner + ": runAsUser");
                assertEquals(
                        "RuntimeDefault",
                        pod.path("securityContext")
                                .path("seccompProfile")
                                .path("type")
                                .asText(),
                        owner + ": seccomp");
                assertFalse(pod.path("automountServiceAccountToken").asBoolean(true), owner + ": no API token");
                for (JsonNode c : Rendered.containersOf(pod)) {
                    String where = owner + " container " + c.path("name").asText();
                    JsonNode sc = c.path("securityContext");
                    assertTrue(podNonRoot || sc.path("runAsNonRoot").asBoolean(false), where + ": runAsNonRoot");
                    assertTrue(sc.path("readOnlyRootFilesystem").asBoolean(false), where + ": readOnlyRootFilesystem");
                    assertFalse(
                            sc.path("allowPrivilegeEscalation").asBoolean(true), where + ": allowPrivilegeEscalation");
                    assertEquals(
                            List.of("ALL"),
                            Rendered.texts(sc.path("capabilities").path("drop")),
                            where + ": capabilities");
                }
            });
        }
    }

    @Test
    void everyContainerHasCpuAndMemoryRequestsAndAMemoryLimit() {
        for (Rendered r : both()) {
            r.podSpecs().forEach((owner, pod) -> {
                for (JsonNode c : Rendered.containersOf(pod)) {
                    String where = owner + " container " + c.path("name").asText();
                    JsonNode res = c.path("resources");
                    assertFalse(res.path("requests").path("cpu").asText().isEmpty(), where + ": cpu request");
                    assertFalse(res.path("requests").path("memory").asText().isEmpty(), where + ": memory request");
                    assertFalse(res.path("limits").path("memory").asText().isEmpty(), where + ": memory limit");
                }
            });
        }
    }

    @Test
    void everyServiceIsProbedOnSmallRyeHealth() {
        for (Rendered r : both()) {
            for (String service : SERVICES) {
                JsonNode c = Rendered.mainContainer(r.deployment(service));
                assertEquals(8080, c.path("ports").get(0).path("containerPort").asInt(), service);
                assertEquals("http", c.path("ports").get(0).path("name").asText(), service);
                assertProbe(c, "startupProbe", "/q/health/started", service);
                assertProbe(c, "readinessProbe", "/q/health/ready", service);
                assertProbe(c, "livenessProbe", "/q/health/live", service);
            }
            assertEquals(SERVICES.size(), r.all("Deployment").size(), "one Deployment per service and no other");
        }
    }

    private static void assertProbe(JsonNode container, String probe, String path, String service) {
        JsonNode get = container.path(probe).path("httpGet");
        assertEquals(path, get.path("path").asText(), service + " " + probe);
        assertEquals("http", get.path("port").asText(), service + " " + probe);
        assertTrue(container.path(probe).path("periodSeconds").asInt() > 0, service + " " + probe);
    }

    @Test
    void theBundledMariaDbIsProbedWithTheImagesHealthcheck() {
        JsonNode db = Rendered.mainContainer(trial.get("StatefulSet", PREFIX + "mariadb"));
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertEquals(
                    "healthcheck.sh",
                    db.path(probe).path("exec").path("command").get(0).asText(),
                    probe);
            assertTrue(
                    Rendered.texts(db.path(probe).path("exec").path("command")).contains("--connect"), probe);
        }
    }

    // --- exposure ---------------------------------------------------------------------------------

    @Test
    void onlyTheGatewayHasAnIngress() {
        assertTrue(trial.all("Ingress").isEmpty(), "no Ingress unless asked for");
        List<JsonNode> ingresses = production.all("Ingress");
        assertEquals(1, ingresses.size());
        JsonNode ingress = ingresses.get(0);
        List<String> backends = new ArrayList<>();
        for (JsonNode rule : ingress.path("spec").path("rules")) {
            assertEquals("ict-support.example.gov.uk", rule.path("host").asText());
            rule.path("http")
                    .path("paths")
                    .forEach(p -> backends.add(
                            p.path("backend").path("service").path("name").asText()));
        }
        assertEquals(List.of(PREFIX + "gateway"), backends);
        assertFalse(ingress.path("spec").has("defaultBackend"));
        JsonNode service = production.get("Service", PREFIX + "gateway");
        assertTrue(Rendered.selects(
                service.path("spec").path("selector"), Rendered.podLabels(production.deployment("gateway"))));
        for (String other : List.of("skills-service", "rota-service", "dr-planner")) {
            assertFalse(Rendered.selects(
                    service.path("spec").path("selector"), Rendered.podLabels(production.deployment(other))));
        }
        assertEquals(
                "demo-sharedict-tls",
                ingress.path("spec").path("tls").get(0).path("secretName").asText());
    }

    @Test
    void everyServiceHasAClusterIpServiceSelectingOnlyItsOwnPods() {
        for (Rendered r : both()) {
            for (String service : SERVICES) {
                JsonNode svc = r.get("Service", PREFIX + service);
                assertEquals("ClusterIP", svc.path("spec").path("type").asText());
                assertEquals(
                        "http",
                        svc.path("spec").path("ports").get(0).path("targetPort").asText());
                for (String other : SERVICES) {
                    assertEquals(
                            other.equals(service),
                            Rendered.selects(
                                    svc.path("spec").path("selector"), Rendered.podLabels(r.deployment(other))),
                            service + " Service selecting " + other + " pods");
                }
                assertFalse(svc.path("spec").has("externalIPs"));
            }
            for (JsonNode svc : r.all("Service")) {
                assertFalse(
                        Set.of("NodePort", "LoadBalancer")
                                .contains(svc.path("spec").path("type").asText()),
                        svc.path("metadata").path("name") + " must not be reachable from outside the cluster");
            }
        }
    }

    @Test
    void networkPoliciesLetOnlyTheGatewayBeReachedFromOutside() {
        NetworkPolicies policies = new NetworkPolicies(trial, "ict");
        NetworkPolicies.Pod outsider = NetworkPolicies.Pod.of("elsewhere", Rendered.labels("app", "anything"));
        NetworkPolicies.Pod neighbour = NetworkPolicies.Pod.of("ict", Rendered.labels("app", "not-ours"));
        Map<String, NetworkPolicies.Pod> ours = pods(trial);

        assertTrue(policies.allows(outsider, ours.get("gateway"), 8080), "anyone reaches the gateway by default");
        for (String backend : List.of("skills-service", "rota-service", "dr-planner")) {
            assertFalse(policies.allows(outsider, ours.get(backend), 8080), "outside -> " + backend);
            assertFalse(policies.allows(neighbour, ours.get(backend), 8080), "same namespace, not ours -> " + backend);
            for (String caller : SERVICES) {
                assertTrue(policies.allows(ours.get(caller), ours.get(backend), 8080), caller + " -> " + backend);
            }
        }
        NetworkPolicies.Pod db = mariadbPod(trial);
        assertFalse(policies.allows(outsider, db, 3306), "outside -> mariadb");
        assertFalse(policies.allows(neighbour, db, 3306), "neighbour -> mariadb");
        for (String caller : SERVICES) {
            assertTrue(policies.allows(ours.get(caller), db, 3306), caller + " -> mariadb");
        }
        assertFalse(policies.allows(outsider, ours.get("gateway"), 9000), "only the gateway's HTTP port");
    }

    @Test
    void productionNetworkPoliciesAdmitOnlyTheIngressControllerAndPrometheus() {
        NetworkPolicies policies = new NetworkPolicies(production, "ict");
        Map<String, NetworkPolicies.Pod> ours = pods(production);
        NetworkPolicies.Pod controller = NetworkPolicies.Pod.of("ingress-nginx", Rendered.labels("app", "controller"));
        NetworkPolicies.Pod prometheus = NetworkPolicies.Pod.of("monitoring", Rendered.labels("app", "prometheus"));
        NetworkPolicies.Pod outsider = NetworkPolicies.Pod.of("elsewhere", Rendered.labels("app", "anything"));

        assertTrue(policies.allows(controller, ours.get("gateway"), 8080));
        assertFalse(policies.allows(outsider, ours.get("gateway"), 8080));
        assertFalse(
                policies.allows(controller, ours.get("skills-service"), 8080),
                "the controller only reaches the gateway");
        for (String service : SERVICES) {
            assertTrue(policies.allows(prometheus, ours.get(service), 8080), "metrics from " + service);
        }
        assertTrue(policies.allows(ours.get("gateway"), ours.get("dr-planner"), 8080));
        NetworkPolicies.Pod helmTest = NetworkPolicies.Pod.of(
                "ict",
                production
                        .get("Pod", PREFIX + "test-gateway-health")
                        .path("metadata")
                        .path("labels"));
        assertTrue(policies.allows(helmTest, ours.get("gateway"), 8080), "helm test reaches the gateway");
        assertTrue(production.find("NetworkPolicy", PREFIX + "mariadb").isEmpty(), "no bundled MariaDB to guard");
    }

    private static Map<String, NetworkPolicies.Pod> pods(Rendered r) {
        Map<String, NetworkPolicies.Pod> pods = new java.util.HashMap<>();
        for (String service : SERVICES) {
            JsonNode d = r.deployment(service);
            pods.put(
                    service,
                    NetworkPolicies.Pod.of("ict", Rendered.podLabels(d))
                            .withPorts(namedPorts(Rendered.mainContainer(d))));
        }
        return pods;
    }

    private static NetworkPolicies.Pod mariadbPod(Rendered r) {
        JsonNode sts = r.get("StatefulSet", PREFIX + "mariadb");
        return NetworkPolicies.Pod.of("ict", Rendered.podLabels(sts))
                .withPorts(namedPorts(Rendered.mainContainer(sts)));
    }

    private static JsonNode namedPorts(JsonNode container) {
        var ports = Rendered.labels();
        container
                .path("ports")
                .forEach(p -> ports.put(
                        p.path("name").asText(), p.path("containerPort").asInt()));
        return ports;
    }

    // --- replicas, disruption budgets, autoscaling ------------------------------------------------

    @Test
    void rotaServiceRunsAtLeastTwoReplicasWithADisruptionBudget() {
        JsonNode trialRota = trial.deployment("rota-service");
        assertTrue(trialRota.path("spec").path("replicas").asInt() >= 2);
        JsonNode hpa = production.get("HorizontalPodAutoscaler", PREFIX + "rota-service");
        assertTrue(hpa.path("spec").path("minReplicas").asInt() >= 2);
        for (Rendered r : both()) {
            JsonNode pdb = r.get("PodDisruptionBudget", PREFIX + "rota-service");
            int minAvailable = pdb.path("spec").path("minAvailable").asInt();
            assertTrue(minAvailable >= 1, "a drain keeps one rota-service running");
            assertTrue(Rendered.selects(
                    pdb.path("spec").path("selector"), Rendered.podLabels(r.deployment("rota-service"))));
            assertFalse(
                    Rendered.selects(pdb.path("spec").path("selector"), Rendered.podLabels(r.deployment("gateway"))));
        }
    }

    @Test
    void rotaServiceWithOneReplicaIsRefused() {
        assertTrue(Helm.templateFailure("--set", "rotaService.replicaCount=1").contains("rotaService/replicaCount"));
        assertTrue(Helm.templateFailure(
                        "--set",
                        "rotaService.autoscaling.enabled=true",
                        "--set",
                        "rotaService.autoscaling.minReplicas=1")
                .contains("rotaService/autoscaling/minReplicas"));
    }

    @Test
    void noDisruptionBudgetBlocksADrainOfASinglePod() {
        for (Rendered r : both()) {
            for (JsonNode pdb : r.all("PodDisruptionBudget")) {
                String service = pdb.path("metadata").path("name").asText().substring(PREFIX.length());
                JsonNode d = r.deployment(service);
                int minPods = d.path("spec").has("replicas")
                        ? d.path("spec").path("replicas").asInt()
                        : r.get("HorizontalPodAutoscaler", PREFIX + service)
                                .path("spec")
                                .path("minReplicas")
                                .asInt();
                assertTrue(
                        pdb.path("spec").path("minAvailable").asInt() < minPods,
                        service + ": a drain can evict one pod");
            }
        }
        assertTrue(trial.find("PodDisruptionBudget", PREFIX + "skills-service").isEmpty(), "one pod: no budget");
    }

    @Test
    void autoscalersScaleTheServicesDeploymentsAndOwnTheirReplicaCount() {
        assertTrue(trial.all("HorizontalPodAutoscaler").isEmpty());
        List<JsonNode> hpas = production.all("HorizontalPodAutoscaler");
        assertEquals(SERVICES.size(), hpas.size());
        for (JsonNode hpa : hpas) {
            JsonNode spec = hpa.path("spec");
            assertEquals("autoscaling/v2", hpa.path("apiVersion").asText());
            assertEquals("Deployment", spec.path("scaleTargetRef").path("kind").asText());
            JsonNode target = production.get(
                    "Deployment", spec.path("scaleTargetRef").path("name").asText());
            assertFalse(target.path("spec").has("replicas"), "helm must not reset what the autoscaler chose");
            assertTrue(spec.path("minReplicas").asInt() >= 2
                    && spec.path("minReplicas").asInt()
                            <= spec.path("maxReplicas").asInt());
            assertEquals(
                    "cpu",
                    spec.path("metrics").get(0).path("resource").path("name").asText());
            assertFalse(
                    Rendered.mainContainer(target)
                            .path("resources")
                            .path("requests")
                            .path("cpu")
                            .isMissingNode(),
                    "CPU utilisation needs a CPU request");
        }
    }

    // --- migrations -------------------------------------------------------------------------------

    @Test
    void everyServiceMigratesInAnInitContainerBeforeItStarts() {
        for (Rendered r : both()) {
            for (String service : SERVICES) {
                JsonNode pod =
                        r.deployment(service).path("spec").path("template").path("spec");
                assertEquals(1, pod.path("initContainers").size(), service);
                JsonNode migrate = pod.path("initContainers").get(0);
                JsonNode main = pod.path("containers").get(0);
                assertEquals(
                        main.path("image").asText(),
                        migrate.path("image").asText(),
                        service + ": the same build migrates");
                Map<String, String> initEnv = r.environment(migrate);
                Map<String, String> mainEnv = r.environment(main);
                assertEquals("true", initEnv.get("QUARKUS_INIT_AND_EXIT"), service);
                assertEquals("true", initEnv.get("QUARKUS_FLYWAY_MIGRATE_AT_START"), service);
                assertEquals("false", mainEnv.get("QUARKUS_FLYWAY_MIGRATE_AT_START"), service);
                assertEquals("true", mainEnv.get("QUARKUS_FLYWAY_VALIDATE_AT_START"), service);
                assertFalse(mainEnv.containsKey("QUARKUS_INIT_AND_EXIT"), service);
                for (String key : List.of(
                        "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                    assertEquals(
                            mainEnv.get(key), initEnv.get(key), service + " migrates the database it uses: " + key);
                }
                assertEquals(main.path("volumeMounts"), migrate.path("volumeMounts"), service);
            }
            assertTrue(r.all("Job").isEmpty(), "migrations run in the pods, no Job to go stale");
        }
    }

    // --- database: bundled or external ------------------------------------------------------------

    @Test
    void theDefaultIsABundledMariaDbWithOneDatabaseAndUserPerService() {
        JsonNode sts = trial.get("StatefulSet", PREFIX + "mariadb");
        assertEquals(1, sts.path("spec").path("replicas").asInt());
        assertEquals(
                "8Gi",
                sts.path("spec")
                        .path("volumeClaimTemplates")
                        .get(0)
                        .path("spec")
                        .path("resources")
                        .path("requests")
                        .path("storage")
                        .asText());
        assertTrue(Rendered.mainContainer(sts).path("image").asText().startsWith("docker.io/library/mariadb:"));
        JsonNode svc = trial.get("Service", PREFIX + "mariadb");
        assertTrue(Rendered.selects(svc.path("spec").path("selector"), Rendered.podLabels(sts)));
        assertEquals(3306, svc.path("spec").path("ports").get(0).path("port").asInt());

        String script = trial.get("ConfigMap", PREFIX + "mariadb-initdb")
                .path("data")
                .path("10-sharedict.sh")
                .asText();
        assertEquals(Repo.read("helm/files/mariadb-initdb.sh").strip(), script.strip(), "the same script as compose");

        Map<String, String> dbEnv = trial.environment(Rendered.mainContainer(sts));
        Map<String, String> databases =
                Map.of("skills-service", "skills", "rota-service", "rota", "dr-planner", "dr", "gateway", "gateway");
        databases.forEach((service, db) -> {
            Map<String, String> env = trial.environment(Rendered.mainContainer(trial.deployment(service)));
            assertEquals(
                    "jdbc:mariadb://" + PREFIX + "mariadb:3306/" + db, env.get("QUARKUS_DATASOURCE_JDBC_URL"), service);
            String prefix = db.toUpperCase();
            assertEquals(env.get("QUARKUS_DATASOURCE_USERNAME"), dbEnv.get(prefix + "_DB_USER"), service);
            assertEquals(
                    env.get("QUARKUS_DATASOURCE_PASSWORD"),
                    dbEnv.get(prefix + "_DB_PASSWORD"),
                    service + " logs in with the password MariaDB was given");
            assertEquals(db, dbEnv.get(prefix + "_DB_NAME"));
        });
        Set<String> users = new HashSet<>();
        databases.values().forEach(db -> users.add(dbEnv.get(db.toUpperCase() + "_DB_USER")));
        assertEquals(4, users.size(), "one user per service");
    }

    @Test
    void productionValuesUseTheExternalMariaDb() {
        assertTrue(production.all("StatefulSet").isEmpty());
        assertTrue(production.find("Service", PREFIX + "mariadb").isEmpty());
        Map<String, String> databases =
                Map.of("skills-service", "skills", "rota-service", "rota", "dr-planner", "dr", "gateway", "gateway");
        databases.forEach((service, db) -> {
            Map<String, String> env = production.environment(Rendered.mainContainer(production.deployment(service)));
            assertEquals(
                    "jdbc:mariadb://maxscale.databases.svc.cluster.local:3306/" + db + "?sslMode=verify-full",
                    env.get("QUARKUS_DATASOURCE_JDBC_URL"),
                    service);
            assertEquals("sharedict_" + db, env.get("QUARKUS_DATASOURCE_USERNAME"));
            assertEquals("secret:sharedict-credentials/" + db + "-db-password", env.get("QUARKUS_DATASOURCE_PASSWORD"));
        });
        assertTrue(
                production
                        .find("Secret", PREFIX.substring(0, PREFIX.length() - 1))
                        .isEmpty(),
                "with secrets.existingSecret the chart makes no password Secret");
    }

    @Test
    void anExternalDatabaseNeedsItsHostAndPasswords() {
        assertTrue(Helm.templateFailure("--set", "mariadb.enabled=false").contains("database.external.host"));
        String noPasswords =
                Helm.templateFailure("--set", "mariadb.enabled=false", "--set", "database.external.host=db.example");
        assertTrue(noPasswords.contains("database.passwords.skills"), noPasswords);
        String both = Helm.templateFailure("--set", "database.external.host=db.example");
        assertTrue(both.contains("not both"), both);
        Rendered given = Helm.template(
                "--set",
                "mariadb.enabled=false",
                "--set",
                "database.external.host=db.example",
                "--set",
                "database.passwords.skills=s",
                "--set",
                "database.passwords.rota=r",
                "--set",
                "database.passwords.dr=d",
                "--set",
                "database.passwords.gateway=g");
        Map<String, String> secret = given.secretData("demo-sharedict");
        assertEquals("s", secret.get("skills-db-password"));
        assertEquals("g", secret.get("gateway-db-password"));
        assertFalse(secret.containsKey("mariadb-root-password"));
        assertEquals(
                "jdbc:mariadb://db.example:3306/rota",
                given.environment(Rendered.mainContainer(given.deployment("rota-service")))
                        .get("QUARKUS_DATASOURCE_JDBC_URL"));
    }

    // --- configuration: what each service reads ---------------------------------------------------

    @Test
    void eachServiceGetsTheVariablesItReads() {
        for (Rendered r : both()) {
            for (String service : SERVICES) {
                Map<String, String> env = r.environment(Rendered.mainContainer(r.deployment(service)));
                for (String name : ServiceContract.required(service)) {
                    assertTrue(
                            env.containsKey(name) && !env.get(name).isEmpty(),
                            service + " needs " + name + "; has " + env.keySet());
                }
                for (String name : ServiceContract.GATEWAY_ONLY) {
                    assertEquals(service.equals("gateway"), env.containsKey(name), service + " and " + name);
                }
                assertEquals(
                        ServiceContract.sendsMail(service),
                        env.containsKey("QUARKUS_MAILER_FROM"),
                        service + " and SMTP");
                assertEquals(
                        r.get("ConfigMap", PREFIX + "common")
                                .path("data")
                                .path("JWT_ISSUER")
                                .asText(),
                        env.get("JWT_ISSUER"));
            }
        }
        Map<String, String> rota =
                production.environment(Rendered.mainContainer(production.deployment("rota-service")));
        assertEquals("smtp.example.gov.uk", rota.get("QUARKUS_MAILER_HOST"));
        assertEquals("587", rota.get("QUARKUS_MAILER_PORT"));
        assertEquals("REQUIRED", rota.get("QUARKUS_MAILER_START_TLS"));
        assertEquals("secret:sharedict-credentials/smtp-password", rota.get("QUARKUS_MAILER_PASSWORD"));
        Map<String, String> trialRota = trial.environment(Rendered.mainContainer(trial.deployment("rota-service")));
        assertEquals(
                "true", trialRota.get("QUARKUS_MAILER_MOCK"), "without a relay mail is logged, not lost in a timeout");
        assertEquals("https://ict-support.example.gov.uk", rota.get("GATEWAY_URL"));
    }

    @Test
    void serviceUrlsPointAtTheServicesOfTheRightPods() {
        for (Rendered r : both()) {
            for (String caller : List.of("gateway", "rota-service", "dr-planner")) {
                Map<String, String> env = r.environment(Rendered.mainContainer(r.deployment(caller)));
                Map.of("SKILLS_URL", "skills-service", "ROTA_URL", "rota-service", "DR_URL", "dr-planner")
                        .forEach((variable, target) -> {
                            URI url = URI.create(env.get(variable));
                            JsonNode svc = r.get("Service", url.getHost());
                            assertEquals(
                                    svc.path("spec")
                                            .path("ports")
                                            .get(0)
                                            .path("port")
                                            .asInt(),
                                    url.getPort(),
                                    caller + " " + variable);
                            assertTrue(
                                    Rendered.selects(
                                            svc.path("spec").path("selector"),
                                            Rendered.podLabels(r.deployment(target))),
                                    caller + " " + variable + " reaches " + target);
                        });
            }
        }
    }

    @Test
    void everySecretReferenceNamesAKeyThatExists() {
        Map<String, String> secret = trial.secretData("demo-sharedict");
        trial.podSpecs().forEach((owner, pod) -> {
            for (JsonNode c : Rendered.containersOf(pod)) {
                for (JsonNode e : c.path("env")) {
                    JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                    if (!ref.isMissingNode() && !ref.path("optional").asBoolean(false)) {
                        assertEquals("demo-sharedict", ref.path("name").asText(), owner);
                        assertTrue(secret.containsKey(ref.path("key").asText()), owner + " needs " + ref);
                    }
                }
            }
        });
        Set<String> distinct = new HashSet<>(secret.values());
        assertEquals(secret.size(), distinct.size(), "every generated password is different");
        secret.values().forEach(v -> assertTrue(v.length() >= 32, "generated passwords are long"));
    }

    @Test
    void onlyTheGatewayMountsThePrivateKey() {
        for (Rendered r : both()) {
            for (String service : SERVICES) {
                JsonNode pod =
                        r.deployment(service).path("spec").path("template").path("spec");
                JsonNode jwt = null;
                for (JsonNode v : pod.path("volumes")) {
                    if (v.has("secret")) {
                        jwt = v.path("secret");
                    }
                }
                if (jwt == null) {
                    fail(service + " mounts no key");
                }
                List<String> items = new ArrayList<>();
                jwt.path("items").forEach(i -> items.add(i.path("key").asText()));
                if (service.equals("gateway")) {
                    assertTrue(items.isEmpty(), "the gateway gets the whole pair");
                } else {
                    assertEquals(List.of("publicKey.pem"), items, service);
                }
                Map<String, String> env = r.environment(Rendered.mainContainer(r.deployment(service)));
                String mountPath = Rendered.mainContainer(r.deployment(service))
                        .path("volumeMounts")
                        .get(1)
                        .path("mountPath")
                        .asText();
                assertEquals(mountPath + "/publicKey.pem", env.get("JWT_PUBLIC_KEY_LOCATION"), service);
            }
        }
        assertEquals(
                "demo-sharedict-jwt",
                trial.deployment("gateway")
                        .path("spec")
                        .path("template")
                        .path("spec")
                        .path("volumes")
                        .get(1)
                        .path("secret")
                        .path("secretName")
                        .asText(),
                "the documented default name");
    }

    @Test
    void aKeyPairGivenAsFilesBecomesTheJwtSecret(@TempDir Path dir) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        Path priv = dir.resolve("privateKey.pem");
        Path pub = dir.resolve("publicKey.pem");
        Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);

        Rendered r = Helm.template("--set-file", "jwt.privateKey=" + priv, "--set-file", "jwt.publicKey=" + pub);
        Map<String, String> jwt = r.secretData("demo-sharedict-jwt");
        assertEquals(Files.readString(priv), jwt.get("privateKey.pem"));
        assertEquals(Files.readString(pub), jwt.get("publicKey.pem"));

        String half = Helm.templateFailure("--set-file", "jwt.privateKey=" + priv);
        assertTrue(half.contains("set both jwt.privateKey and jwt.publicKey"), half);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    @Test
    void changingTheConfigurationRollsThePods() {
        String before = trial.deployment("rota-service")
                .path("spec")
                .path("template")
                .path("metadata")
                .path("annotations")
                .path("checksum/config")
                .asText();
        Rendered changed = Helm.template("--set", "smtp.host=smtp.example.org");
        String after = changed.deployment("rota-service")
                .path("spec")
                .path("template")
                .path("metadata")
                .path("annotations")
                .path("checksum/config")
                .asText();
        assertFalse(before.isEmpty());
        assertNotEquals(before, after);
    }

    @Test
    void theHelmTestPodAsksTheGatewayForReadiness() throws Exception {
        JsonNode pod = trial.get("Pod", PREFIX + "test-gateway-health");
        assertEquals(
                "test",
                pod.path("metadata").path("annotations").path("helm.sh/hook").asText());
        List<String> command =
                Rendered.texts(pod.path("spec").path("containers").get(0).path("command"));
        assertTrue(String.join(" ", command).contains("/dev/tcp/" + PREFIX + "gateway/8080"), command.toString());
        ComposeFileTest.HealthEndpoint gateway = new ComposeFileTest.HealthEndpoint();
        try {
            List<String> local = command.stream()
                    .map(a -> a.replace("/dev/tcp/" + PREFIX + "gateway/8080", "/dev/tcp/127.0.0.1/" + gateway.port()))
                    .toList();
            assertEquals(0, Tools.run(local, Map.of(), 20).exitCode());
            assertEquals("GET /q/health/ready", gateway.lastRequest);
            gateway.status = 503;
            assertNotEquals(0, Tools.run(local, Map.of(), 20).exitCode());
        } finally {
            gateway.stop();
        }
    }

    @Test
    void serviceLinksAreOffSoKubernetesVariablesCannotBecomeQuarkusConfig() {
        for (Rendered r : both()) {
            r.podSpecs()
                    .forEach((owner, pod) ->
                            assertFalse(pod.path("enableServiceLinks").asBoolean(true), owner));
        }
    }

    // --- paging beyond e-mail ---------------------------------------------------------------------

    @Test
    void smsAndVoicePagingAreOffUntilSwitchedOnWithTheirSecrets() {
        for (Rendered r : both()) {
            Map<String, String> env = r.environment(Rendered.mainContainer(r.deployment("rota-service")));
            assertEquals("false", env.get("NOTIFY_ENABLED"));
            assertEquals("false", env.get("TWILIO_ENABLED"));
            assertFalse(env.containsKey("NOTIFY_API_KEY"), "no key is asked for while Notify is off");
        }
        String[] paging = {
            "--set", "paging.notify.enabled=true,paging.notify.apiKey=live-key,paging.notify.callbackToken=cb-token",
            "--set", "paging.notify.templates.page=11111111-1111-1111-1111-111111111111",
            "--set", "paging.notify.templates.verification=22222222-2222-2222-2222-222222222222",
            "--set", "paging.notify.templates.notice=33333333-3333-3333-3333-333333333333",
            "--set", "paging.voice.enabled=true,paging.voice.accountSid=AC0001,paging.voice.authToken=tw-token",
            "--set-string", "paging.voice.from=+441632960000"
        };
        Rendered r = Helm.template(paging);
        Map<String, String> env = r.environment(Rendered.mainContainer(r.deployment("rota-service")));
        assertEquals("true", env.get("NOTIFY_ENABLED"));
        assertEquals("11111111-1111-1111-1111-111111111111", env.get("NOTIFY_TEMPLATE_PAGE"));
        assertEquals("33333333-3333-3333-3333-333333333333", env.get("NOTIFY_TEMPLATE_NOTICE"));
        assertEquals("secret:demo-sharedict/notify-api-key", env.get("NOTIFY_API_KEY"));
        assertEquals("secret:demo-sharedict/notify-callback-token", env.get("NOTIFY_CALLBACK_TOKEN"));
        assertEquals("+441632960000", env.get("TWILIO_FROM"));
        assertEquals("secret:demo-sharedict/twilio-auth-token", env.get("TWILIO_AUTH_TOKEN"));
        Map<String, String> secret = r.secretData("demo-sharedict");
        assertEquals("live-key", secret.get("notify-api-key"));
        assertEquals("tw-token", secret.get("twilio-auth-token"));
        Map<String, String> skills = r.environment(Rendered.mainContainer(r.deployment("skills-service")));
        assertFalse(skills.containsKey("NOTIFY_API_KEY"), "only rota-service holds the Notify key");
        Map<String, String> dr = r.environment(Rendered.mainContainer(r.deployment("dr-planner")));
        assertEquals(
                "secret:demo-sharedict/dr-copies-secret",
                dr.get("DR_COPIES_SECRET"),
                "every dr-planner replica signs copy acknowledgement links with one kept key");

        assertTrue(
                Helm.templateFailure("--set", "paging.notify.enabled=true").contains("paging.notify.apiKey"),
                "Notify without a key is refused at install, not at the first page");
        assertTrue(Helm.templateFailure("--set", "paging.voice.enabled=true,paging.voice.accountSid=AC1")
                .contains("paging.voice.from"));
    }

    // --- backups ----------------------------------------------------------------------------------

    @Test
    void backupsAreOffUnlessAskedFor() {
        for (Rendered r : both()) {
            assertTrue(r.all("CronJob").isEmpty());
        }
    }

    @Test
    void theBackupCronJobRunsTheScriptsOfTheRepositoryAgainstTheBundledDatabase() {
        Rendered r = Helm.template("--set", "backup.enabled=true");
        JsonNode cron = r.get("CronJob", PREFIX + "backup");
        assertEquals("Forbid", cron.path("spec").path("concurrencyPolicy").asText(), "never two dumps at once");
        JsonNode pod = cron.path("spec")
                .path("jobTemplate")
                .path("spec")
                .path("template")
                .path("spec");
        JsonNode container = pod.path("containers").get(0);
        assertEquals(List.of("bash", "/scripts/backup.sh"), Rendered.texts(container.path("command")));
        assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(false));
        assertTrue(
                container.path("securityContext").path("readOnlyRootFilesystem").asBoolean(false));
        assertFalse(container
                .path("resources")
                .path("limits")
                .path("memory")
                .asText()
                .isEmpty());
        JsonNode scripts = r.get("ConfigMap", PREFIX + "backup").path("data");
        assertEquals(
                Repo.read("helm/files/backup.sh").strip(),
                scripts.path("backup.sh").asText().strip());
        assertEquals(
                Repo.read("helm/files/restore.sh").strip(),
                scripts.path("restore.sh").asText().strip());

        Map<String, String> env = new java.util.HashMap<>();
        container
                .path("env")
                .forEach(e -> env.put(
                        e.path("name").asText(),
                        e.has("value")
                                ? e.path("value").asText()
                                : "secret:"
                                        + e.path("valueFrom")
                                                .path("secretKeyRef")
                                                .path("name")
                                                .asText() + "/"
                                        + e.path("valueFrom")
                                                .path("secretKeyRef")
                                                .path("key")
                                                .asText()));
        assertEquals(PREFIX + "mariadb", env.get("DB_HOST"));
        assertEquals("3306", env.get("DB_PORT"));
        assertEquals("secret:demo-sharedict/mariadb-root-password", env.get("DB_PASSWORD"));
        assertTrue(r.secretData("demo-sharedict").containsKey("mariadb-root-password"));
        assertEquals("skills rota dr gateway", env.get("DATABASES"));

        JsonNode claim = r.get("PersistentVolumeClaim", PREFIX + "backups");
        assertEquals(
                "keep",
                claim.path("metadata")
                        .path("annotations")
                        .path("helm.sh/resource-policy")
                        .asText());
        assertEquals(
                PREFIX + "backups", pod.path("volumes").findValue("claimName").asText());
        assertTrue(
                KubernetesTypes.problems(cron).isEmpty(),
                KubernetesTypes.problems(cron).toString());
    }

    @Test
    void theBackupJobMayReachTheBundledDatabaseAndNothingElseGainsAccess() {
        Rendered r = Helm.template("--set", "backup.enabled=true");
        NetworkPolicies policies = new NetworkPolicies(r, "ict");
        JsonNode cron = r.get("CronJob", PREFIX + "backup");
        NetworkPolicies.Pod backup = NetworkPolicies.Pod.of(
                "ict",
                cron.path("spec")
                        .path("jobTemplate")
                        .path("spec")
                        .path("template")
                        .path("metadata")
                        .path("labels"));
        assertTrue(policies.allows(backup, mariadbPod(r), 3306), "backup -> mariadb");
        assertFalse(new NetworkPolicies(trial, "ict").allows(backup, mariadbPod(trial), 3306), "not without backups");
    }

    @Test
    void backupsOfAnExternalDatabaseNeedTheirOwnCredentials() {
        String failure = Helm.templateFailure("-f", Helm.PRODUCTION_VALUES, "--set", "backup.enabled=true");
        assertTrue(failure.contains("backup.existingSecret"), failure);
        Rendered r = Helm.template(
                "-f", Helm.PRODUCTION_VALUES,
                "--set", "backup.enabled=true",
                "--set", "backup.existingSecret=db-backup",
                "--set", "backup.user=backup");
        JsonNode container = r.get("CronJob", PREFIX + "backup")
                .path("spec")
                .path("jobTemplate")
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
        assertTrue(container.toString().contains("\"name\":\"db-backup\""), container.toString());
        assertTrue(container.toString().contains("backup-password"), container.toString());
    }

    // --- monitoring -------------------------------------------------------------------------------

    @Test
    void monitoringObjectsNeedTheirOperatorAndAreOffByDefault() {
        for (Rendered r : both()) {
            assertTrue(r.all("ServiceMonitor").isEmpty());
            assertTrue(r.all("PrometheusRule").isEmpty());
            assertTrue(r.find("ConfigMap", PREFIX + "dashboard").isEmpty());
        }
    }

    @Test
    void theServiceMonitorScrapesTheFourServicesAndTheRulesAreTheFilesRules() {
        Rendered r = Helm.template(
                "--set", "metrics.serviceMonitor.enabled=true",
                "--set", "metrics.serviceMonitor.labels.release=kube-prometheus-stack",
                "--set", "metrics.prometheusRule.enabled=true",
                "--set", "metrics.dashboard.enabled=true");
        JsonNode monitor = r.get("ServiceMonitor", "demo-sharedict");
        assertEquals(
                "kube-prometheus-stack",
                monitor.path("metadata").path("labels").path("release").asText());
        JsonNode endpoint = monitor.path("spec").path("endpoints").get(0);
        assertEquals("/q/metrics", endpoint.path("path").asText());
        for (String service : SERVICES) {
            JsonNode svc = r.get("Service", PREFIX + service);
            JsonNode labels = svc.path("metadata").path("labels");
            assertTrue(Rendered.selects(monitor.path("spec").path("selector"), labels), service + " is scraped");
            List<String> ports = svc.path("spec").path("ports").findValues("name").stream()
                    .map(JsonNode::asText)
                    .toList();
            assertTrue(ports.contains(endpoint.path("port").asText()), service + " has the scraped port");
        }
        assertFalse(Rendered.selects(
                monitor.path("spec").path("selector"),
                r.get("Service", PREFIX + "mariadb").path("metadata").path("labels")));

        JsonNode rule = r.get("PrometheusRule", "demo-sharedict");
        assertEquals(
                MonitoringNames.alertRules().path("groups"), rule.path("spec").path("groups"));
        List<String> alerts =
                rule.findValues("alert").stream().map(JsonNode::asText).toList();
        assertTrue(
                alerts.containsAll(List.of(
                        "SharedictEscalationLate",
                        "SharedictNotificationsGivenUp",
                        "SharedictServerErrors",
                        "SharedictServiceDown",
                        "SharedictJobMisfires")),
                alerts.toString());
        rule.findValues("rules")
                .forEach(group -> group.forEach(a -> {
                    String expr = a.path("expr").asText();
                    assertEquals(
                            expr.chars().filter(c -> c == '(').count(),
                            expr.chars().filter(c -> c == ')').count(),
                            expr);
                    assertFalse(MonitoringNames.metricsIn(expr).isEmpty(), a.path("alert") + " names a metric");
                    assertTrue(
                            Set.of("critical", "warning")
                                    .contains(a.path("labels").path("severity").asText()),
                            a.toString());
                    assertFalse(a.path("annotations").path("summary").asText().isBlank(), a.toString());
                }));

        JsonNode dashboard = r.get("ConfigMap", PREFIX + "dashboard");
        assertEquals(
                "1",
                dashboard
                        .path("metadata")
                        .path("labels")
                        .path("grafana_dashboard")
                        .asText());
        assertEquals(
                MonitoringNames.dashboard(),
                readJson(dashboard.path("data").path("sharedict-platform.json").asText()));
    }

    private static JsonNode readJson(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
