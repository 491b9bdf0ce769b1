// The classic Notebook (6.x) for the course: exercise solutions stay hidden until the student asks.
//
// A solution is a code cell whose metadata says "jupyter": {"source_hidden": true}, the nbformat field that
// JupyterLab (and Notebook 7) honour by collapsing the cell's code. The classic Notebook ignores it, so this
// file, which ./course setup copies into the Jupyter config folder (custom/custom.js), does the same there:
// the code is hidden behind a "Show the solution" button; the cell still runs with Run All, and its output
// shows. Showing or hiding it sets the field, as JupyterLab does, so a saved notebook remembers.
define(['jquery', 'base/js/namespace', 'base/js/events'], function ($, Jupyter, events) {
    'use strict';

    function hidden(cell) {
        return cell.metadata.jupyter !== undefined && cell.metadata.jupyter.source_hidden === true;
    }

    function setHidden(cell, hide) {
        if (hide) {
            cell.metadata.jupyter = $.extend(cell.metadata.jupyter || {}, {source_hidden: true});
        } else if (cell.metadata.jupyter !== undefined) {
            delete cell.metadata.jupyter.source_hidden;
            if ($.isEmptyObject(cell.metadata.jupyter)) delete cell.metadata.jupyter;
        }
    }

    function addButton(cell) {
        if (cell.cell_type !== 'code' || !hidden(cell) || cell.element.find('.gan-solution-toggle').length) return;
        var input = cell.element.find('.input').first();
        var button = $('<button type="button" class="btn btn-default btn-sm gan-solution-toggle"></button>');
        function show(visible) {
            input.toggle(visible);
            button.text(visible ? 'Hide the solution' : 'Show the solution');
        }
        button.on('click', function (event) {
            event.stopPropagation();
            var visible = !input.is(':visible');
            show(visible);
            setHidden(cell, !visible);
            Jupyter.notebook.set_dirty(true);
        });
        $('<div class="gan-solution-bar" style="padding: 4px 0 4px 14ex;"></div>').append(button).insertBefore(input);
        show(false);
    }

    function hideSolutions() {
        Jupyter.notebook.get_cells().forEach(addButton);
    }

    events.on('notebook_loaded.Notebook', hideSolutions);
    if (Jupyter.notebook !== undefined && Jupyter.notebook._fully_loaded) hideSolutions();
});
