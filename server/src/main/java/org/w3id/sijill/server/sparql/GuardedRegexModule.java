package org.w3id.sijill.server.sparql;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.pfunction.PFuncSimpleAndList;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.IterLib;
import org.apache.jena.rdf.model.impl.Util;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.Function;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.util.Context;
import org.w3id.sijill.server.Site;

/**
 * Makes the query time limit reach regular expressions. Java's regex engine never looks at the
 * query's cancellation, so one {@code REGEX(?s, "(.*a){12}$")} on a 30-character string could run
 * for minutes past the limit. This module installs, in the served dataset's context, an optimizer
 * that (after ARQ's standard one) rewrites every {@code REGEX} and {@code REPLACE} in the algebra —
 * including inside {@code EXISTS} — into {@link GuardedRegex}/{@link GuardedReplace}, and function
 * and property-function registries in which the other ways into Java's regex engine are guarded
 * the same way: {@code fn:matches}, {@code fn:replace} and {@code apf:strSplit}, under every name
 * ARQ resolves to them ({@code java:} class names, the {@code afn:}/{@code apf:} library
 * namespaces, old {@code jena.hpl.hp.com} names). All match against a {@link CancellableChars}: a
 * view of the string that checks the query's cancel signal (set by the time limit) every few
 * thousand characters the matcher reads and then stops the query ({@code 503}, like any other
 * timeout).
 *
 * <pre>{@code
 * FusekiModules.create(new GuardedRegexModule(), ...);
 * }</pre>
 */
public final class GuardedRegexModule implements FusekiModule {

    @Override
    public String name() { return "Sijill guarded regex"; }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        DatasetGraph dsg = Site.dataset(registry);
        install(dsg.getContext());
    }

    /** @param context a dataset (or global) context whose queries get guarded regular expressions */
    public static void install(Context context) {
        Object current = context.get(ARQConstants.sysOptimizerFactory);
        RewriteFactory base = current instanceof RewriteFactory f ? f : Optimize.stdOptimizationFactory;
        RewriteFactory guarded = cxt -> {
            var std = base.create(cxt);
            // Guard first, so constant folding (which evaluates without the query's context) leaves
            // REGEX and REPLACE for run time; again after, for any the optimizer made anew.
            return op -> guard(std.rewrite(guard(op)));
        };
        context.set(ARQConstants.sysOptimizerFactory, guarded);
        FunctionRegistry functions = FunctionRegistry.createFrom(FunctionRegistry.get(context) != null ? FunctionRegistry.get(context) : FunctionRegistry.get());
        for (String name : functionNames("FN_Matches", "matches")) functions.put(name, uri -> GuardedFunction.matches());
        for (String name : functionNames("FN_StrReplace", "replace")) functions.put(name, uri -> GuardedFunction.replace());
        FunctionRegistry.set(context, functions);
        PropertyFunctionRegistry pfunctions = PropertyFunctionRegistry.createFrom(PropertyFunctionRegistry.chooseRegistry(context));
        for (String name : List.of(ARQConstants.ARQPropertyFunctionLibraryURI + "strSplit",
                "http://jena.hpl.hp.com/ARQ/property#strSplit",
                ARQConstants.ARQPropertyFunctionLibrary + "strSplit",
                "java:com.hp.hpl.jena.query.pfunction.library.strSplit")) {
            pfunctions.put(name, uri -> new GuardedStrSplit());
        }
        PropertyFunctionRegistry.set(context, pfunctions);
    }

    /** @return every IRI ARQ resolves to the function class {@code cls} of its library, or to {@code fn:local} */
    static List<String> functionNames(String cls, String local) {
        return List.of("http://www.w3.org/2005/xpath-functions#" + local,
                ARQConstants.ARQFunctionLibrary + cls,  // java:org.apache.jena.sparql.function.library.
                "java:com.hp.hpl.jena.query.function.library." + cls,
                ARQConstants.ARQFunctionLibraryURI + cls,
                "http://jena.hpl.hp.com/ARQ/function#" + cls);
    }

    /** @return the algebra with every REGEX and REPLACE guarded */
    static Op guard(Op op) {
        return Transformer.transform(new TransformCopy(), new ExprTransformCopy() {
            @Override
            public Expr transform(org.apache.jena.sparql.expr.ExprFunctionN func, ExprList args) {
                if (func instanceof GuardedRegex || func instanceof GuardedReplace) return super.transform(func, args);
                if (func instanceof E_Regex) {
                    return new GuardedRegex(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null);
                }
                if (func instanceof E_StrReplace) {
                    return new GuardedReplace(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null);
                }
                return super.transform(func, args);
            }
        }, op);
    }

    /** The cancel signal of the running query, if any. */
    static AtomicBoolean cancelSignal(FunctionEnv env) {
        return env == null ? null : Context.getCancelSignal(env.getContext());
    }

    /** {@code REGEX} that stops when the query is cancelled. */
    static final class GuardedRegex extends E_Regex {
        GuardedRegex(Expr expr, Expr pattern, Expr flags) { super(expr, pattern, flags); }

        @Override
        public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
            Node arg = NodeValueOps.checkAndGetStringLiteral("REGEX", args.get(0));
            NodeValue vPattern = args.get(1);
            NodeValue vFlags = args.size() > 2 ? args.get(2) : null;
            if (!vPattern.isString() || (vFlags != null && !vFlags.isString())) return super.eval(args);  // ARQ's own error
            String flags = vFlags == null ? null : vFlags.getString();
            if (flags != null && !flags.matches("[smixq]*")) return super.eval(args);
            Pattern p = RegexEngine.makePattern("Regex", vPattern.getString(), flags);
            boolean found = p.matcher(new CancellableChars(arg.getLiteralLexicalForm(), cancelSignal(env))).find();
            return found ? NodeValue.TRUE : NodeValue.FALSE;
        }

        /** Without the query's context (constant folding): not here, at run time. */
        @Override
        public NodeValue eval(List<NodeValue> args) {
            throw new ExprEvalException("REGEX is evaluated when the query runs");
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new GuardedRegex(newArgs.get(0), newArgs.get(1), newArgs.size() > 2 ? newArgs.get(2) : null);
        }
    }

    /** {@code REPLACE} that stops when the query is cancelled. */
    static final class GuardedReplace extends E_StrReplace {
        GuardedReplace(Expr expr, Expr pattern, Expr replacement, Expr flags) { super(expr, pattern, replacement, flags); }

        @Override
        public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
            AtomicBoolean cancel = cancelSignal(env);
            NodeValue input = args.get(0);
            if (cancel == null || !input.isString()) return super.eval(args);
            if (!args.get(1).isString() || !args.get(2).isString() || (args.size() > 3 && !args.get(3).isString())) return super.eval(args);
            String flags = args.size() > 3 ? args.get(3).getString() : null;
            Pattern p = RegexEngine.makePattern("REPLACE", args.get(1).getString(), flags);
            String out = p.matcher(new CancellableChars(input.getString(), cancel)).replaceAll(args.get(2).getString());
            return NodeValue.makeString(out);
        }

        /** Without the query's context (constant folding): not here, at run time. */
        @Override
        public NodeValue eval(List<NodeValue> args) {
            throw new ExprEvalException("REPLACE is evaluated when the query runs");
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new GuardedReplace(newArgs.get(0), newArgs.get(1), newArgs.get(2), newArgs.size() > 3 ? newArgs.get(3) : null);
        }
    }

    /**
     * {@code fn:matches} and {@code fn:replace}: {@code REGEX} and {@code REPLACE} by other names,
     * guarded the same way; the guarded expression is built once per use in a query.
     */
    static final class GuardedFunction implements Function {
        private final String name;
        private final int minArgs;
        private final java.util.function.Function<ExprList, Expr> guarded;
        private Expr expr;

        GuardedFunction(String name, int minArgs, java.util.function.Function<ExprList, Expr> guarded) {
            this.name = name;
            this.minArgs = minArgs;
            this.guarded = guarded;
        }

        static GuardedFunction matches() {
            return new GuardedFunction("fn:matches", 2, a -> new GuardedRegex(a.get(0), a.get(1), a.size() > 2 ? a.get(2) : null));
        }

        static GuardedFunction replace() {
            return new GuardedFunction("fn:replace", 3,
                    a -> new GuardedReplace(a.get(0), a.get(1), a.get(2), a.size() > 3 ? a.get(3) : null));
        }

        @Override
        public void build(String uri, ExprList args, Context context) {
            if (args.size() != minArgs && args.size() != minArgs + 1) {
                throw new QueryBuildException(name + ": wanted " + minArgs + " or " + (minArgs + 1) + " arguments, got " + args.size());
            }
            expr = guarded.apply(args);
        }

        @Override
        public NodeValue exec(Binding binding, ExprList args, String uri, FunctionEnv env) {
            return expr.eval(binding, env);
        }
    }

    /**
     * {@code apf:strSplit}: ARQ's property function (split a string at a regular expression, trim
     * the parts), with the split guarded.
     */
    static final class GuardedStrSplit extends PFuncSimpleAndList {
        @Override
        public void build(PropFuncArg argSubject, Node predicate, PropFuncArg argObject, ExecutionContext execCxt) {
            super.build(argSubject, predicate, argObject, execCxt);
            if (argObject.getArgListSize() != 2) {
                throw new QueryBuildException("Object list must contain exactly two arguments, the string to split and a regular expression");
            }
        }

        @Override
        public QueryIterator execEvaluated(Binding binding, Node subject, Node predicate, PropFuncArg object, ExecutionContext execCxt) {
            if (!object.getArg(0).isLiteral() || !object.getArg(1).isLiteral()) return IterLib.noResults(execCxt);
            String s = object.getArg(0).getLiteralLexicalForm();
            Pattern p = RegexEngine.makePattern("strSplit", object.getArg(1).getLiteralLexicalForm(), null);
            List<String> tokens = new java.util.ArrayList<>();
            for (String t : p.split(new CancellableChars(s, Context.getCancelSignal(execCxt.getContext())))) tokens.add(t.trim());
            if (Var.isVar(subject)) {
                Var v = Var.alloc(subject);
                List<Binding> rows = tokens.stream().map(t -> BindingFactory.binding(binding, v, NodeFactory.createLiteralString(t))).toList();
                return QueryIterPlainWrapper.create(rows.iterator(), execCxt);
            }
            if (subject.isLiteral() && Util.isSimpleString(subject) && tokens.contains(subject.getLiteralLexicalForm())) {
                return IterLib.result(binding, execCxt);
            }
            return IterLib.noResults(execCxt);
        }
    }

    /**
     * A string as a {@link CharSequence} that throws {@link QueryCancelledException} once the
     * query's cancel signal is set, checked every {@value #CHECK_EVERY} character reads.
     */
    static final class CancellableChars implements CharSequence {
        static final int CHECK_EVERY = 4096;
        private final String s;
        private final AtomicBoolean cancel;
        private int reads;

        CancellableChars(String s, AtomicBoolean cancel) {
            this.s = s;
            this.cancel = cancel;
        }

        @Override
        public char charAt(int index) {
            if (cancel != null && ++reads >= CHECK_EVERY) {
                reads = 0;
                if (cancel.get()) throw new QueryCancelledException();
            }
            return s.charAt(index);
        }

        @Override public int length() { return s.length(); }
        @Override public CharSequence subSequence(int start, int end) { return new CancellableChars(s.substring(start, end), cancel); }
        @Override public String toString() { return s; }
    }
}
