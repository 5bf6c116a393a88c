def clean_html(*a, **k): raise NotImplementedError
