package org.w3id.sijill.server.sparql;

import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.bulk.ChainingServiceExecutorBulk;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.w3id.sijill.server.Site;

/**
 * Federated {@code SERVICE} only to allowed endpoints. Installs, in the context of the served
 * dataset, a copy of ARQ's service-executor registry with a first link that refuses any
 * {@code SERVICE <endpoint>} not on the allow-list ({@link Site#serviceAllowList()}, empty by
 * default, {@code serve --service-allow URL} adds to it): the query is answered {@code 403} with
 * the endpoint named. The check runs once for a constant endpoint and again for each endpoint a
 * {@code SERVICE ?var} resolves to. {@code SERVICE SILENT} turns the refusal into no results, as
 * SPARQL says it should for a failing service.
 *
 * <pre>{@code
 * FusekiModules.create(new ServiceAllowListModule(), ...);  // reads Site.serviceAllowList()
 * }</pre>
 */
public final class ServiceAllowListModule implements FusekiModule {

    @Override
    public String name() { return "Sijill SERVICE allow-list"; }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        Set<String> allowed = Site.from(builder).serviceAllowList();
        DatasetGraph dsg = Site.dataset(registry);
        // From the global registry, not the dataset's: servers in one JVM on the same TDB2 store share
        // its context, and copying it would keep the checks (and allow-lists) of earlier servers.
        ServiceExecutorRegistry reg = ServiceExecutorRegistry.get().copy();
        ChainingServiceExecutorBulk bulk = (opService, input, execCxt, chain) -> {
            check(opService, allowed);
            return chain.createExecution(opService, input, execCxt);
        };
        ChainingServiceExecutor single = (opExecute, opOriginal, binding, execCxt, chain) -> {
            if (opExecute.getService().isVariable()) {
                throw new ActionErrorException(400, "SERVICE endpoint " + opExecute.getService()
                        + " is not bound: bind it to an allowed endpoint (e.g. with VALUES).", null);
            }
            check(opExecute, allowed);
            return chain.createExecution(opExecute, opOriginal, binding, execCxt);
        };
        reg.addBulkLink(bulk);
        reg.addSingleLink(single);
        ServiceExecutorRegistry.set(dsg.getContext(), reg);
    }

    private static void check(OpService op, Set<String> allowed) {
        Node endpoint = op.getService();
        if (endpoint.isVariable()) {
            if (allowed.isEmpty()) throw refusal("SERVICE with a variable endpoint is not allowed: federated queries are disabled on this server.");
            return;  // checked again per binding, once the variable is bound
        }
        String iri = endpoint.isURI() ? endpoint.getURI() : endpoint.toString();
        if (!allowed.contains(iri)) {
            throw refusal("SERVICE <" + iri + "> is not allowed: "
                    + (allowed.isEmpty() ? "federated queries are disabled on this server."
                                         : "the endpoint is not on this server's allow-list."));
        }
    }

    // Fuseki's own error type: its action layer answers it with this status and message.
    private static ActionErrorException refusal(String message) {
        return new ActionErrorException(403, message, null);
    }
}
