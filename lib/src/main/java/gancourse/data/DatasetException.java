package gancourse.data;

/**
 * A dataset could not be fetched, verified or read. The message says which file and what to do about it,
 * so a notebook shows it as it is.
 */
public class DatasetException extends RuntimeException {
    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
