package io.gdwct.cli;

import ai.djl.Device;
import io.gdwct.core.DeviceSelector;
import picocli.CommandLine.Option;

/** {@code --device}, shared by every command that computes. */
public final class DeviceOption {
    @Option(names = "--device", defaultValue = "auto",
            description = "auto (the GPU when the PyTorch engine sees one, else the CPU), cpu or gpu. Default: ${DEFAULT-VALUE}.")
    String mode;

    Device select() {
        return DeviceSelector.select(mode);
    }
}
