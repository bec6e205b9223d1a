// natural's root module loads every classifier and database driver (~0.9 s, and it prints dotenv
// notices), so the project imports the few parts it uses by path; these are their shapes.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
declare module 'natural/lib/natural/tokenizers/sentence_tokenizer.js' {
  export default class SentenceTokenizer {
    constructor(abbreviations?: string[], trimSentences?: boolean);
    tokenize(text: string): string[];
  }
}
declare module 'natural/lib/natural/distance/levenshtein_distance.js' {
  const distances: { DamerauLevenshteinDistance(source: string, target: string, options?: object): number };
  export default distances;
}
