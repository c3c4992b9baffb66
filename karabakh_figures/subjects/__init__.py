"""The subjects floor: one module per subject the notebooks treat (territories and areas, Khojaly, the cross-checks
of the compilation's sections, recognitions, control changes, sources, caveats, the overview). Each returns
tables and the arithmetic behind them, as text a reader can redo; none draws."""
