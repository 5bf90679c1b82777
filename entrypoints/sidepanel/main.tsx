import { render } from 'preact';
import { SidePanelApp } from './App';
import '../../components/styles.css';

const root = document.getElementById('app');
if (root) render(<SidePanelApp />, root);
