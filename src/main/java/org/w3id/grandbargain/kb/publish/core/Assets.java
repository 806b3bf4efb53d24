package org.w3id.grandbargain.kb.publish.core;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.eclipse.jetty.ee10.servlet.ResourceServlet;
import org.webjars.WebJarVersionLocator;

/**
 * The front-end files the pages load, all served by the site itself: each library from its webjar
 * at {@code /assets/lib/{name}/{version}/…} (kept a year: a new version is a new address), and the
 * site's own scripts and style sheets at {@code /assets/site/…}. Files are served by Jetty's {@link
 * ResourceServlet} (validators, ranges, HEAD), one per library over the webjar's folder.
 */
public record Assets() implements FusekiModule {

  /** The webjars the pages use, by their npm names. */
  public static final List<String> LIBRARIES = List.of("leaflet", "cytoscape", "zazuko__yasgui");

  private static final WebJarVersionLocator VERSIONS = new WebJarVersionLocator();
  private static final String SITE_FOLDER = "org/w3id/grandbargain/kb/publish/assets/";

  /** The address of {@code file} (a path inside the package, e.g. {@code dist/leaflet.js}). */
  public static String library(String name, String file) {
    return "/assets/lib/" + name + "/" + version(name) + "/" + file;
  }

  /** The address of one of the site's own files (e.g. {@code map.js}). */
  public static String site(String file) {
    return "/assets/site/" + file;
  }

  private static String version(String name) {
    if (!LIBRARIES.contains(name)) {
      throw new IllegalArgumentException("Not one of the site's libraries: " + name);
    }
    String version = VERSIONS.version(name);
    if (version == null) {
      throw new IllegalStateException("The webjar " + name + " is not on the class path.");
    }
    return version;
  }

  @Override
  public String name() {
    return "assets";
  }

  @Override
  public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
    for (String name : LIBRARIES) {
      String folder = "META-INF/resources/webjars/" + name + "/" + version(name) + "/";
      builder.addServlet(
          "/assets/lib/" + name + "/" + version(name) + "/*",
          new Files(folder, "public, max-age=31536000, immutable"));
    }
    if (Assets.class.getClassLoader().getResource(SITE_FOLDER) != null) {
      builder.addServlet("/assets/site/*", new Files(SITE_FOLDER, "public, max-age=3600"));
    }
  }

  /** Jetty's resource servlet over one folder of the class path, given its settings in code. */
  static final class Files extends ResourceServlet {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, String> settings;

    Files(String folder, String cacheControl) {
      URL url = Assets.class.getClassLoader().getResource(folder);
      if (url == null) {
        throw new IllegalStateException("No folder " + folder + " on the class path.");
      }
      this.settings =
          Map.of(
              "baseResource", url.toExternalForm(),
              "pathInfoOnly", "true",
              "dirAllowed", "false",
              "redirectWelcome", "false",
              "welcomeServlets", "false",
              "etags", "true",
              "acceptRanges", "true",
              "cacheControl", cacheControl);
    }

    @Override
    public String getInitParameter(String name) {
      String value = settings.get(name);
      return value != null ? value : super.getInitParameter(name);
    }
  }
}
