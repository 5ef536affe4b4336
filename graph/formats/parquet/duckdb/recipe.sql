-- The co-authorship graph of authorships.parquet: one row per pair of
-- authors (source < target) who share a paper, with the papers they share
-- (full counting: what -counting full gives as weight) and Newman's
-- fractional weight (each paper of n authors adds 1/(n-1) to each of its
-- pairs: what -counting fractional gives). "authors" is the number of
-- distinct authors on the paper (count(*) over the paper's rows, when the
-- export was not filtered).
SELECT a.author AS source,
       b.author AS target,
       count(*) AS papers,
       fsum(1 / (a.authors - 1)::DOUBLE) AS fractional
FROM 'authorships.parquet' a
JOIN 'authorships.parquet' b ON a.paper = b.paper AND a.author < b.author
GROUP BY a.author, b.author
ORDER BY source, target;
