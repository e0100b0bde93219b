package dev.tiktokcalendar.importer;

import java.util.List;

/** A row failed its checks; the import step skips it and records every problem found in it. */
public class RowRejectedException extends RuntimeException {

    private final transient List<RowProblem> problems;

    public RowRejectedException(List<RowProblem> problems) {
        super(problems.isEmpty() ? "rejected" : problems.get(0).reason(), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<RowProblem> problems() {
        return problems;
    }
}
