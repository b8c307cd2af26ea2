package io.github.inboxkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The BOM promises the versions of the drivers and pool a host adds beside inbox-jdbc "as InboxKit
 * is tested with them": this keeps that promise true by comparing the BOM with the versions on this
 * module's test class path, the ones every JDBC store test runs with.
 */
class BomVersionsTest {

    private static final Path BOM = Path.of("..", "inbox-bom", "pom.xml");

    @Test
    @DisplayName("inbox-bom manages H2, the PostgreSQL driver and HikariCP at the versions the JDBC store is tested with")
    void bomNamesTheTestedVersions() throws Exception {
        Map<String, String> managed = managedVersions();

        assertThat(managed).containsEntry("com.h2database:h2", org.h2.engine.Constants.VERSION);
        assertThat(managed).containsEntry("org.postgresql:postgresql", org.postgresql.util.DriverInfo.DRIVER_VERSION);
        assertThat(managed).containsEntry("com.zaxxer:HikariCP", mavenVersion(HikariDataSource.class, "com.zaxxer", "HikariCP"));
    }

    @Test
    @DisplayName("inbox-bom manages every InboxKit library artifact at the project's version")
    void bomNamesInboxKitArtifacts() throws Exception {
        Map<String, String> managed = managedVersions();

        assertThat(managed).containsEntry("io.github.inboxkit:inbox-jdbc", "${project.version}")
                .containsEntry("io.github.inboxkit:inbox-core", "${project.version}")
                .containsEntry("io.github.inboxkit:inbox-carrier-spi", "${project.version}")
                .containsEntry("io.github.inboxkit:inbox-carrier-tck", "${project.version}")
                .containsEntry("io.github.inboxkit:inbox-micrometer", "${project.version}")
                .containsEntry("io.github.inboxkit:inbox-export", "${project.version}");
    }

    /** groupId:artifactId to version, with the BOM's own properties substituted. */
    private static Map<String, String> managedVersions() throws Exception {
        assertThat(BOM).as("the BOM, seen from the inbox-jdbc module directory").exists();
        Document pom;
        try (InputStream in = Files.newInputStream(BOM)) {
            pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        Map<String, String> properties = new HashMap<>();
        NodeList propertiesElements = pom.getDocumentElement().getElementsByTagName("properties");
        if (propertiesElements.getLength() > 0) {
            NodeList children = propertiesElements.item(0).getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if (children.item(i) instanceof Element property) {
                    properties.put(property.getTagName(), property.getTextContent().strip());
                }
            }
        }
        Map<String, String> versions = new HashMap<>();
        NodeList dependencies = pom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            String version = text(dependency, "version");
            for (Map.Entry<String, String> property : properties.entrySet()) {
                version = version.replace("${" + property.getKey() + "}", property.getValue());
            }
            versions.put(text(dependency, "groupId") + ":" + text(dependency, "artifactId"), version);
        }
        return versions;
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent().strip();
    }

    private static String mavenVersion(Class<?> type, String groupId, String artifactId) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = type.getResourceAsStream("/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties")) {
            assertThat(in).as("pom.properties of " + artifactId).isNotNull();
            properties.load(in);
        }
        return properties.getProperty("version");
    }
}
