package org.w3id.sijill.server.dumps;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.dump.DumpCatalog;
import org.w3id.sijill.dump.DumpFormat;
import org.w3id.sijill.dump.DumpSettings;
import org.w3id.sijill.server.Site;
import org.w3id.sijill.server.http.FolderAddresses;
import org.w3id.sijill.server.ld.HttpCaching;

/**
 * Serves the dumps folder under {@code /dumps/} (a folder address: {@code /dumps} redirects to it,
 * {@link FolderAddresses}): {@code /dumps/} lists the files (HTML, the
 * dataset page), {@code /dumps/{file}} sends a file of the catalog with its media type,
 * {@code Content-Length} and {@code ETag "{release}/{sha256}"} ({@code If-None-Match} → 304);
 * anything else is 404. {@link #regenerating} brings the folder in step with the store in the
 * background ({@link BackgroundDumps}: written anew when its release differs from the store's).
 *
 * <pre>{@code
 * SijillServer.builder()...addModule(DumpFilesModule.regenerating(Path.of("var/dumps"),
 *         new BackgroundDumps(Path.of("var/dumps"), DumpSettings.fromProject(home))))
 * // curl -I http://localhost:3030/dumps/sijill.jsonld.gz
 * }</pre>
 */
public final class DumpFilesModule implements FusekiModule {

    private final Path dumpsDir;
    private final BackgroundDumps background;
    private Runnable pending;

    private DumpFilesModule(Path dumpsDir, BackgroundDumps background) {
        this.dumpsDir = dumpsDir;
        this.background = background;
    }

    /** Serves {@code dumpsDir} as it is (it must hold complete dumps when requests come). */
    public static DumpFilesModule serving(Path dumpsDir) {
        return new DumpFilesModule(dumpsDir, null);
    }

    /**
     * Serves {@code dumpsDir}, writing the dumps in the background (once the port is open) when they
     * are missing or of another release than the store; {@code 503} for them until then.
     */
    public static DumpFilesModule regenerating(Path dumpsDir, BackgroundDumps background) {
        return new DumpFilesModule(dumpsDir, background);
    }

    @Override
    public String name() { return "Sijill dumps"; }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        Site site = Site.from(builder);
        if (background != null) {
            DatasetGraph dsg = Site.dataset(registry);
            // written once the port is open (serverAfterStarting)
            pending = () -> background.schedule(dsg, site.served().folder(), () -> site.release().id());
            // after a live reload: the new release's dumps (written by the build: ready at once; else in the background)
            site.served().onChange(release -> background.schedule(dsg, site.served().folder(), () -> site.release().id()));
        }
        CatalogCache catalog = new CatalogCache(dumpsDir);
        FolderAddresses.declare(builder, "/dumps/");
        builder.addServlet("/dumps/*", new FilesServlet(catalog, site, background));
    }

    @Override
    public void serverAfterStarting(FusekiServer server) {
        if (pending != null) pending.run();
    }

    @Override
    public void serverStopped(FusekiServer server) {
        if (background != null) background.close();
    }

    static final class FilesServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient CatalogCache catalog;
        private final transient Site site;
        private final transient BackgroundDumps background;

        FilesServlet(CatalogCache catalog, Site site, BackgroundDumps background) {
            this.catalog = catalog;
            this.site = site;
            this.background = background;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String name = path.substring("/dumps/".length());
            if (background != null && background.refuseWhileWriting(request, response, catalog.find())) return;
            DumpCatalog c = catalog.get();
            if (name.isEmpty()) {
                DatasetPage.render(request, response, c, null, site);
                return;
            }
            if (name.equals(DumpFormat.CHECKSUMS)) {
                send(request, response, catalog.dir().resolve(name), "text/plain; charset=utf-8", '"' + c.release() + "/SHA256SUMS\"");
                return;
            }
            DumpCatalog.DumpFile f = c.file(name)
                    .orElseThrow(() -> new SijillException(SijillException.Kind.NOT_FOUND, "no dump file '" + name + "'; the files are listed at /dumps/"));
            send(request, response, catalog.dir().resolve(f.name()), f.format().contentType(), f.etag(c.release()));
        }

        private void send(HttpServletRequest request, HttpServletResponse response, Path file, String contentType, String etag) throws IOException {
            if (HttpCaching.notModified(request, response, etag, site.maxAge())) return;
            response.setContentType(contentType);
            response.setContentLengthLong(Files.size(file));
            response.setDateHeader("Last-Modified", Files.getLastModifiedTime(file).toMillis());
            if ("HEAD".equals(request.getMethod())) return;
            try (InputStream in = Files.newInputStream(file); OutputStream out = response.getOutputStream()) {
                in.transferTo(out);
            }
        }

    }

    /** The catalog of a dumps folder, read again when its checksum file changes. */
    static final class CatalogCache {
        private final Path dir;
        private DumpCatalog catalog;
        private long stamp = Long.MIN_VALUE;

        CatalogCache(Path dir) {
            this.dir = dir;
        }

        Path dir() { return dir; }

        /** @return the catalog, if the folder holds complete dumps */
        java.util.Optional<DumpCatalog> find() {
            try {
                return java.util.Optional.of(get());
            } catch (SijillException e) {
                if (e.kind() != SijillException.Kind.NOT_FOUND) throw e;
                return java.util.Optional.empty();
            }
        }

        synchronized DumpCatalog get() {
            long now;
            try {
                now = Files.getLastModifiedTime(dir.resolve(DumpFormat.CHECKSUMS)).toMillis()
                        ^ Files.getLastModifiedTime(dir.resolve(org.w3id.sijill.dump.Release.FILE)).toMillis() * 31;
            } catch (IOException e) {
                throw new SijillException(SijillException.Kind.NOT_FOUND, "no dumps are published yet (run ./sijill dump)", e);
            }
            if (catalog == null || now != stamp) {
                catalog = DumpCatalog.read(dir);
                stamp = now;
            }
            return catalog;
        }
    }

    /** Media types of what {@code /dumps/} serves, for the record. */
    static Map<String, String> contentTypes() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (DumpFormat f : DumpFormat.values()) m.put(f.fileName(), f.contentType());
        m.put(DumpFormat.CHECKSUMS, "text/plain; charset=utf-8");
        return m;
    }
}
