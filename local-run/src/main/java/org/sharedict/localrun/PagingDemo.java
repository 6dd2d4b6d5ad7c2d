package org.sharedict.localrun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Contact methods for the people on call on the demo's first rota: a mobile (SMS) and a Teams
 * channel, both verified with the codes the local paging stand-in received (so pages reach them as
 * files under .data/sms and .data/teams). Without the stand-in (a real Notify is set), nothing is added.
 */
final class PagingDemo {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private final Api api;
    private final DemoSeeder.Urls urls;

    PagingDemo(Api api, DemoSeeder.Urls urls) {
        this.api = api;
        this.urls = urls;
    }

    void seed() throws Exception {
        String paging = DemoSeeder.env("LOCAL_PAGING_URL", "");
        Path data = Path.of(DemoSeeder.env("DATA_DIR", ".data"));
        if (paging.isBlank()) {
            DemoSeeder.say("no local paging stand-in: people keep e-mail only (pages fall back to it)");
            return;
        }
        JsonNode rotas =
                api.get(urls.rota() + "/api/rotas?size=1&sort=createdAt").path("items");
        if (rotas.isEmpty()) {
            return;
        }
        List<Long> people = new ArrayList<>();
        for (JsonNode layer : rotas.get(0).path("layers")) {
            layer.path("members").forEach(m -> people.add(m.path("personId").asLong(m.asLong())));
        }
        int n = 0;
        for (long person : people.stream().distinct().limit(6).toList()) {
            String base = urls.rota() + "/api/contacts/" + person;
            if (api.get(base + "/methods").size() > 0) {
                continue;
            }
            String phone = "+447700900" + String.format("%03d", 100 + n++);
            verify(base, "SMS", phone, data.resolve("sms"), phone);
            String teams = paging + "/teams/person-" + person;
            verify(base, "TEAMS", teams, data.resolve("teams"), "Your Shared ICT Support verification code");
        }
        DemoSeeder.say(n + " people on call have a verified mobile and Teams channel (pages land in "
                + data.resolve("sms") + " and " + data.resolve("teams") + ")");
    }

    /** Adds a method, asks for its code and types back the code the stand-in kept in a file naming {@code mark}. */
    private void verify(String base, String kind, String address, Path folder, String mark) throws IOException {
        long id = api.post(
                        base + "/methods",
                        Map.of("kind", kind, "address", address, "label", "Demo " + kind.toLowerCase()))
                .get("id")
                .asLong();
        api.post(base + "/methods/" + id + "/code", Map.of());
        String code = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (code == null) {
            code = newestCode(folder, mark);
            if (code == null && System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "no verification code for " + address + " reached " + folder + " in 60 s");
            }
            if (code == null) {
                try {
                    Thread.sleep(300); // the stand-in writes the file when rota-service's delivery job runs
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        api.post(base + "/methods/" + id + "/verify", Map.of("code", code));
    }

    private static String newestCode(Path folder, String mark) throws IOException {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted((a, b) -> b.getFileName().compareTo(a.getFileName()))
                    .toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Matcher m = CODE.matcher(text);
                if (text.contains(mark) && text.contains("verification code") && m.find()) {
                    Files.delete(f); // used: the next method's code is the next file
                    return m.group(1);
                }
            }
        }
        return null;
    }
}
