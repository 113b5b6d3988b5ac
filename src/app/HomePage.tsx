import { Link } from 'react-router';
import { LECTURES } from '../lectures/catalog';
import { useDocumentTitle } from './useDocumentTitle';

export function HomePage() {
  useDocumentTitle('Deep reinforcement learning, live');
  return (
    <article className="page home">
      <h1>RL Playground</h1>
      <p className="lead">
        A course in deep reinforcement learning where every lecture puts the mathematics next to a demo that really
        trains, in your browser, on your own device.
      </p>
      <h2 id="syllabus">Syllabus</h2>
      <ol className="syllabus">
        {LECTURES.map((lecture) => (
          <li key={lecture.slug}>
            <Link to={`/lecture/${lecture.slug}`} className="syllabus__title">
              {lecture.title}
            </Link>
            <p className="syllabus__summary">{lecture.summary}</p>
          </li>
        ))}
      </ol>
      <p>
        Curious which tensor backend your machine runs best? See <Link to="/backends">Backends</Link>.
      </p>
    </article>
  );
}
