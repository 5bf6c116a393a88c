"""Language helpers the stages share: dates, sentences, names, quotes, languages."""
