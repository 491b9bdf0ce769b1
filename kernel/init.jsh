// Run by the course's kernel at start. rapaio-jupyter-kernel 3.0.1 imports display/updateDisplay into
// JShell as static imports; a later `import java.util.*;` in a cell would shadow them (every cell after
// it fails with "cannot find symbol: method display"). Importing them again here keeps them visible.
import static org.rapaio.jupyter.kernel.global.Global.*;
