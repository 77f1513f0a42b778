package org.backpropviz.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.backpropviz.engine.EngineError;
import org.backpropviz.engine.EngineWarning;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Operand;
import org.backpropviz.engine.Param;
import org.backpropviz.engine.Trace;
import org.backpropviz.scenario.ScenarioFormat;

/** A trace's results as the JSON the command line prints. */
final class Json {
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Json() {}

    static JsonNode array(NDArray a) {
        return ScenarioFormat.toJsonNode(a, false);
    }

    /** {@code forward}, {@code backward}, {@code grads}, {@code warnings} and, where NumPy raised, {@code error}. */
    static void putTrace(ObjectNode o, Trace t) {
        ObjectNode forward = o.putObject("forward");
        t.forwardValues().forEach((node, a) -> forward.set(node, array(a)));
        ObjectNode backward = o.putObject("backward");
        t.backwardValues().forEach((node, a) -> backward.set(node, array(a)));
        ObjectNode grads = o.putObject("grads");
        for (Map.Entry<Param, NDArray> e : t.grads().entrySet()) grads.set(e.getKey().label(), array(e.getValue()));
        ArrayNode warnings = o.putArray("warnings");
        for (EngineWarning w : t.warnings()) {
            warnings.addObject().put("node", w.node()).put("kind", w.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .put("message", w.message());
        }
        t.error().ifPresent(e -> o.set("error", error(e)));
    }

    static ObjectNode error(EngineError e) {
        ObjectNode o = F.objectNode();
        o.put("node", e.node());
        o.put("phase", e.phase().id());
        o.put("message", e.message());
        o.put("kind", e.kind());
        o.put("category", e.category().id());
        o.put("expression", e.expression());
        ArrayNode ops = o.putArray("operands");
        for (Operand op : e.operands()) {
            ObjectNode n = ops.addObject().put("name", op.name());
            ArrayNode shape = n.putArray("shape");
            for (int d : op.shape()) shape.add(d);
        }
        return o;
    }

    static String line(JsonNode n) {
        return ScenarioFormat.toCompactJson(n);
    }
}
