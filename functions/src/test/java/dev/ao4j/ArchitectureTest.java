package dev.ao4j;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dependency rule (docs/architecture.md, "The dependency rule"), checked on the production classes of functions,
 * arweave-adapter and wasm-runtime:
 * <ul>
 * <li>no unit (su, cu, mu) uses another unit's packages: a call across units is a port, and its in-process
 *     adapter is wired by the composition root ({@code node});</li>
 * <li>a unit's {@code core} uses only its own core and ports, {@code protocol}, the metrics port, the model of
 *     arweave-adapter and wasm-runtime, the JDK, Jackson and logging: no HTTP, no adapter, no Quarkus;</li>
 * <li>adapters do not use the HTTP edges;</li>
 * <li>nothing depends on the composition root ({@code node}), the command line ({@code cli}) or the mainnet edge
 *     ({@code mainnet}, which joins the units as the root does) but themselves;</li>
 * <li>arweave-adapter and wasm-runtime know nothing of the units;</li>
 * <li>production code does not use the benchmarks (module ao4j-bench).</li>
 * </ul>
 */
class ArchitectureTest {
    private static final List<String> UNITS = List.of("su", "cu", "mu");
    /** What functions adds on top of arweave-adapter and wasm-runtime. */
    private static final String[] FUNCTIONS_PACKAGES = {"dev.ao4j.su..", "dev.ao4j.cu..", "dev.ao4j.mu..",
            "dev.ao4j.protocol..", "dev.ao4j.node..", "dev.ao4j.cli..", "dev.ao4j.mainnet..", "dev.ao4j.gateway..",
            "dev.ao4j.http..", "dev.ao4j.config..", "dev.ao4j.metrics..", "dev.ao4j.aws..", "dev.ao4j.bench..", "dev.ao4j.lambda.."};

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ao4j");
    }

    @Test
    void theImportSeesEveryModule() {
        for (String name : List.of("dev.ao4j.su.core.Sequencer", "dev.ao4j.protocol.SuWire", "dev.ao4j.node.NodeWiring",
                "dev.ao4j.arweave.ans104.DataItem", "dev.ao4j.wasm.ProcessInstance")) {
            assertTrue(production.contain(name), name + " is among the imported production classes");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"su", "cu", "mu"})
    void noUnitUsesAnotherUnit(String unit) {
        String[] others = UNITS.stream().filter(other -> !other.equals(unit)).map(other -> "dev.ao4j." + other + "..")
                .toArray(String[]::new);
        noClasses().that().resideInAPackage("dev.ao4j." + unit + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("a call across units is a port whose in-process adapter the composition root wires")
                .check(production);
    }

    @ParameterizedTest
    @ValueSource(strings = {"su", "cu", "mu"})
    void aUnitsCoreUsesOnlyItsPortsTheProtocolAndLibraries(String unit) {
        classes().that().resideInAPackage("dev.ao4j." + unit + ".core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "dev.ao4j." + unit + ".core..", "dev.ao4j." + unit + ".port..", "dev.ao4j.protocol..",
                        "dev.ao4j.metrics..", "dev.ao4j.arweave..", "dev.ao4j.wasm..",
                        "java..", "com.fasterxml.jackson..", "org.jboss.logging..")
                .because("the core is the unit's rules: it reaches the world only through its ports")
                .check(production);
    }

    @Test
    void adaptersDoNotUseTheHttpEdges() {
        noClasses().that().resideInAPackage("dev.ao4j..adapter..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ao4j..http..", "jakarta.ws.rs..")
                .because("an adapter implements a port; the HTTP edges call the core, not the other way round")
                .check(production);
    }

    @Test
    void nothingDependsOnTheCompositionRootTheCommandLineOrTheMainnetEdge() {
        noClasses().that().resideOutsideOfPackages("dev.ao4j.node..", "dev.ao4j.cli..", "dev.ao4j.mainnet..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ao4j.node..", "dev.ao4j.cli..", "dev.ao4j.mainnet..")
                .because("they join the units, so no unit may depend on them")
                .check(production);
    }

    @Test
    void arweaveAdapterAndWasmRuntimeKnowNothingOfTheUnits() {
        noClasses().that().resideInAnyPackage("dev.ao4j.arweave..", "dev.ao4j.wasm..", "dev.ao4j.sqlite..")
                .should().dependOnClassesThat().resideInAnyPackage(FUNCTIONS_PACKAGES)
                .check(production);
    }

    @Test
    void productionCodeDoesNotUseTheBenchmarks() {
        noClasses().that().resideOutsideOfPackage("dev.ao4j.bench..")
                .should().dependOnClassesThat().resideInAPackage("dev.ao4j.bench..")
                .because("benchmarks and test launchers live in ao4j-bench and the test sources, never in a shipped jar")
                .check(production);
    }
}
