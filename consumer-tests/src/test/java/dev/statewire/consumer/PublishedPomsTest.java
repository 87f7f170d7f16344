package dev.statewire.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every POM Statewire publishes carries what Maven Central requires (name, description, url,
 * licenses, developers, scm, coordinates), itself or through the parent POM it inherits; and the
 * BOM lists exactly the published jars.
 */
class PublishedPomsTest {
  private static final Path ROOT = Path.of(System.getProperty("statewire.root", "..")).normalize();
  private static final List<String> REQUIRED =
      List.of("name", "description", "url", "licenses", "developers", "scm");

  static Stream<Path> publishedPoms() throws Exception {
    List<Path> poms = new ArrayList<>(List.of(ROOT.resolve("pom.xml")));
    for (String module : modules(read(ROOT.resolve("pom.xml")))) {
      Path pom = ROOT.resolve(module).resolve("pom.xml");
      if (!skipsDeploy(read(pom))) {
        poms.add(pom);
      }
    }
    return poms.stream();
  }

  @ParameterizedTest
  @MethodSource("publishedPoms")
  void carriesWhatCentralRequires(Path pom) throws Exception {
    Document document = read(pom);
    Optional<Document> parent = parentOf(document);
    for (String element : REQUIRED) {
      boolean present =
          child(document, element).isPresent()
              || (!element.equals("name")
                  && !element.equals("description")
                  && parent.flatMap(p -> child(p, element)).isPresent());
      assertTrue(present, pom + " lacks <" + element + "> (itself or from its parent)");
    }
    Element licenses = child(document, "licenses").or(() -> parent.flatMap(p -> child(p, "licenses"))).orElseThrow();
    assertTrue(
        licenses.getTextContent().contains("Apache License, Version 2.0"),
        pom + ": the licence must be Apache-2.0, as LICENSE says");
    Element scm = child(document, "scm").or(() -> parent.flatMap(p -> child(p, "scm"))).orElseThrow();
    for (String element : List.of("url", "connection", "developerConnection")) {
      assertTrue(child(scm, element).isPresent(), pom + ": <scm> lacks <" + element + ">");
    }
    assertEquals("dev.statewire", coordinate(document, "groupId"), pom + ": groupId");
    assertEquals(coordinate(read(ROOT.resolve("pom.xml")), "version"), coordinate(document, "version"), pom + ": version");
  }

  @Test
  void theBomListsExactlyThePublishedJars() throws Exception {
    Set<String> published = new TreeSet<>();
    for (String module : modules(read(ROOT.resolve("pom.xml")))) {
      Document pom = read(ROOT.resolve(module).resolve("pom.xml"));
      String packaging = child(pom, "packaging").map(Node::getTextContent).orElse("jar");
      if (!skipsDeploy(pom) && packaging.equals("jar")) {
        published.add(child(pom, "artifactId").orElseThrow().getTextContent());
      }
    }
    Document bom = read(ROOT.resolve("bom/pom.xml"));
    Set<String> listed = new TreeSet<>();
    Element managed = child(child(bom, "dependencyManagement").orElseThrow(), "dependencies").orElseThrow();
    for (Element dependency : children(managed, "dependency")) {
      listed.add(child(dependency, "artifactId").orElseThrow().getTextContent());
      assertEquals("${project.version}", child(dependency, "version").orElseThrow().getTextContent());
    }
    assertFalse(published.isEmpty());
    assertEquals(published, listed, "the BOM must list the published jars and nothing else");
    assertTrue(parentOf(bom).isEmpty(), "the BOM must not inherit the parent's dependencyManagement");
  }

  @Test
  void theRepositoryHasTheLicenceThePomsName() throws Exception {
    String licence = Files.readString(ROOT.resolve("LICENSE"));
    assertTrue(licence.contains("Apache License") && licence.contains("Version 2.0, January 2004"));
  }

  private static String coordinate(Document pom, String name) {
    return child(pom, name)
        .or(() -> child(child(pom, "parent").orElseThrow(), name))
        .orElseThrow()
        .getTextContent();
  }

  private static boolean skipsDeploy(Document pom) {
    return child(pom, "properties")
        .flatMap(p -> child(p, "maven.deploy.skip"))
        .map(e -> e.getTextContent().trim().equals("true"))
        .orElse(false);
  }

  private static List<String> modules(Document pom) {
    List<String> modules = new ArrayList<>();
    for (Element module : children(child(pom, "modules").orElseThrow(), "module")) {
      modules.add(module.getTextContent().trim());
    }
    return modules;
  }

  private static Optional<Document> parentOf(Document pom) {
    if (child(pom, "parent").isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(read(ROOT.resolve("pom.xml")));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Document read(Path pom) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(pom.toFile());
  }

  private static Optional<Element> child(Document document, String name) {
    return child(document.getDocumentElement(), name);
  }

  private static Optional<Element> child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && n.getNodeName().equals(name)) {
        found.add((Element) n);
      }
    }
    return found;
  }
}
