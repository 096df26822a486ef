package io.gdwct.core;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Picks the compute device: {@code auto} takes the GPU when the PyTorch engine sees one (the
 * {@code -Pcuda} build on a GPU host), else the CPU; {@code gpu} insists on one; {@code cpu} forces
 * the CPU. A CPU whose float32 convolutions are wrong is refused ({@link ConvolutionCheck}).
 */
public final class DeviceSelector {
    private static final Logger LOG = Logger.getLogger(DeviceSelector.class);

    private DeviceSelector() {}

    public static Device select(String mode) {
        String m = mode == null ? "auto" : mode.trim().toLowerCase(Locale.ROOT);
        Engine engine = Engine.getEngine("PyTorch");
        int gpus = engine.getGpuCount();
        Device device = switch (m) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (gpus == 0) {
                    throw new IllegalStateException("gdwct.device=gpu but the PyTorch engine sees no GPU "
                            + "(is this the -Pcuda build, and is the NVIDIA driver visible?)");
                }
                yield Device.gpu();
            }
            case "auto" -> gpus > 0 ? Device.gpu() : Device.cpu();
            default -> throw new IllegalArgumentException("device must be auto, cpu or gpu, got '" + mode + "'");
        };
        if (Device.Type.CPU.equals(device.getDeviceType())) {
            ConvolutionCheck.ensureCorrect();
        }
        LOG.infof("Compute device: %s (mode %s, engine %s %s, %d GPU(s) visible)",
                device, m, engine.getEngineName(), engine.getVersion(), gpus);
        return device;
    }
}
