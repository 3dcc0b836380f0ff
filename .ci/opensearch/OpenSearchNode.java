import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * One OpenSearch node on 127.0.0.1 for the -Popensearch tests, started by .ci/run in a JVM of
 * its own: OpenSearch's server from Maven Central with the modules Signpost needs (HTTP and
 * transport on Netty, the common analysis of synonyms, stemmers and folding, and Painless, which Hibernate Search's
 * distance projections use). OpenSearch's own
 * launcher (bin/opensearch) is not on Maven Central; this does what it does for a node, without
 * its bootstrap checks and security manager, which guard a production machine.
 *
 * Usage: java -cp CLASSPATH OpenSearchNode.java HOME HTTP_PORT
 */
public class OpenSearchNode {

	public static void main(String[] args) throws Exception {
		Path home = Path.of(args[0]).toAbsolutePath();
		String port = args.length > 1 ? args[1] : "59200";
		Files.createDirectories(home.resolve("config"));
		Files.createDirectories(home.resolve("plugins"));
		Settings settings = Settings.builder()
			.put("cluster.name", "signpost-ci")
			.put("node.name", "signpost-ci-node")
			.put("path.home", home.toString())
			.put("path.data", home.resolve("data").toString())
			.put("path.logs", home.resolve("logs").toString())
			.put("network.host", "127.0.0.1")
			.put("http.port", port)
			.put("transport.port", "59300-59399")
			.put("discovery.type", "single-node")
			// A test node on a shared machine: no disk-based refusal to allocate.
			.put("cluster.routing.allocation.disk.threshold_enabled", false)
			.build();
		var environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), home.resolve("config"),
				() -> "signpost-ci-node");
		Node node = new Node(environment, List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, PainlessPlugin.class), true) {
		};
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				node.close();
			}
			catch (Exception ex) {
				ex.printStackTrace();
			}
		}));
		node.start();
		System.out.println("OpenSearch node listening on http://127.0.0.1:" + port);
		Thread.currentThread().join();
	}

}
