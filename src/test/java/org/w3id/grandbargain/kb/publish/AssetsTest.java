package org.w3id.grandbargain.kb.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.grandbargain.kb.publish.core.Assets;

/** The front-end libraries and the site's own scripts, served by the site from the class path. */
class AssetsTest {
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aLibraryFileIsServedAsInItsWebjarAndKeptAYear() throws IOException {
    String path = Assets.library("leaflet", "dist/leaflet.js");
    assertEquals("/assets/lib/leaflet/1.9.4/dist/leaflet.js", path);
    HttpResponse<byte[]> r = server.get(path, "Accept", "*/*");
    assertEquals(200, r.statusCode());
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"),
        r.headers().toString());
    assertEquals(
        "public, max-age=31536000, immutable", r.headers().firstValue("Cache-Control").orElse(""));
    try (InputStream in =
        getClass()
            .getClassLoader()
            .getResourceAsStream("META-INF/resources/webjars/leaflet/1.9.4/dist/leaflet.js")) {
      assertArrayEquals(in.readAllBytes(), r.body());
    }
    String etag = r.headers().firstValue("ETag").orElseThrow();
    assertEquals(304, server.get(path, "If-None-Match", etag).statusCode());
  }

  @Test
  void aFolderIsNotListedAndAFileOutsideTheLibrariesIsNotFound() {
    assertEquals(403, server.get("/assets/lib/leaflet/1.9.4/", "Accept", "*/*").statusCode());
    assertEquals(404, server.get("/assets/lib/leaflet/1.9.4/nothing.js").statusCode());
    assertEquals(
        404, server.get("/assets/lib/leaflet/1.9.4/../../../../version.properties").statusCode());
    assertEquals(404, server.get("/assets/site/nothing.js").statusCode());
  }
}
