# The README's two commands; both set up .venv on first use (see ./dev).
.PHONY: test demo

test:  ## ruff, mypy (strict) and the whole pytest suite, offscreen
	./dev test

demo:  ## the desk window on the built-in demo event
	./dev demo
