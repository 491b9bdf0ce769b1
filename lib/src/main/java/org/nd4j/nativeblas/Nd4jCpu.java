package org.nd4j.nativeblas;

import org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment;

/**
 * A bridge that brings DL4J 1.0.0-M2.1's oneDNN layer helpers back to life.
 *
 * <p>DL4J decides whether its convolution, pooling and batch-norm layers may call oneDNN
 * (BaseMKLDNNHelper.mklDnnEnabled) by looking up this class by name and calling
 * {@code Environment.getInstance().isUseMKLDNN()}. Since M2 the native bindings live in
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu}, the lookup fails, and every layer silently falls
 * back to im2col: a DCGAN step measured 4 times slower. This class answers the old question truthfully:
 * yes only when the loaded native library was built with oneDNN (the {@code -onednn} classifier of
 * nd4j-native) and oneDNN is switched on in it.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {}

    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private Environment() {}

        public static Environment getInstance() {
            return INSTANCE;
        }

        public boolean isUseMKLDNN() {
            // isUseONEDNN() is true by default even in builds without oneDNN, so ask the build as well.
            boolean compiledIn = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN");
            return compiledIn && org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
