// Run by the course's kernel at start: the imports every lesson uses, and the notebook's screen. A lesson's
// first cell then imports only what it teaches. Imports only: rapaio-jupyter-kernel 3.0.1 fails to start on
// any other statement here.
//
// The kernel's display/updateDisplay first: rapaio-jupyter-kernel 3.0.1 imports them into JShell as static
// imports, and a later `import java.util.*;` in a cell would shadow them (every cell after it fails with
// "cannot find symbol: method display"). Importing them again here keeps them visible.
import static org.rapaio.jupyter.kernel.global.Global.*;
// The course's library, by concern.
import gancourse.*;
import gancourse.data.*;
import gancourse.display.*;
import gancourse.evaluation.*;
import gancourse.models.*;
import gancourse.training.*;
// ND4J's arrays and the network type every lesson trains.
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
// Tables, pictures, files, collections.
import tech.tablesaw.api.*;
import java.awt.image.BufferedImage;
import java.nio.file.*;
import java.util.*;
// `screen`: where the live views and galleries draw (gancourse.display.Notebook).
import static gancourse.display.Notebook.screen;
