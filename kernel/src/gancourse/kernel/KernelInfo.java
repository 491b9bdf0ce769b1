package gancourse.kernel;

import java.util.List;

import org.rapaio.shaded.com.google.gson.annotations.SerializedName;
import org.rapaio.jupyter.kernel.GeneralProperties;
import org.rapaio.jupyter.kernel.core.LanguageInfo;
import org.rapaio.jupyter.kernel.message.ContentType;
import org.rapaio.jupyter.kernel.message.Header;
import org.rapaio.jupyter.kernel.message.MessageType;

/*
 * kernel_info_reply's content. rapaio-jupyter-kernel 3.0.1's reply has no "status", which the message
 * specification requires (Jupyter's kernel test suite rejects it); this one has it, says that the kernel
 * is the course's, and names the JVM it runs on, which a student reporting a problem is asked for.
 */
public record KernelInfo(
        @SerializedName("status") String status,
        @SerializedName("protocol_version") String protocolVersion,
        @SerializedName("implementation") String implementation,
        @SerializedName("implementation_version") String implementationVersion,
        @SerializedName("language_info") LanguageInfo languageInfo,
        @SerializedName("banner") String banner,
        @SerializedName("debugger") boolean debugger,
        @SerializedName("help_links") List<LanguageInfo.Help> helpLinks) implements ContentType<KernelInfo> {

    static final MessageType<KernelInfo> TYPE = new MessageType<>("kernel_info_reply", KernelInfo.class);

    public static KernelInfo reply() {
        GeneralProperties rjk = GeneralProperties.defaultProperties();
        String banner = "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + "), JShell\n"
                + "The GAN course's kernel: " + rjk.getKernelName() + " " + rjk.getKernelVersion() + " with the course's fixes";
        return new KernelInfo("ok", Header.PROTOCOL_VERSION, rjk.getKernelName(), rjk.getKernelVersion(),
                LanguageInfo.kernelLanguageInfo(), banner, false, List.of(
                        new LanguageInfo.Help("rapaio-jupyter-kernel", "https://github.com/padreati/rapaio-jupyter-kernel"),
                        new LanguageInfo.Help("JShell", "https://docs.oracle.com/en/java/javase/17/jshell/")));
    }

    @Override
    public MessageType<KernelInfo> type() {
        return TYPE;
    }
}
