package dev.ao4j.cli;

import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Ao4jMain.class.getPackage().getImplementationVersion();
        return new String[] {"ao4j " + (version == null ? "dev" : version)};
    }
}
